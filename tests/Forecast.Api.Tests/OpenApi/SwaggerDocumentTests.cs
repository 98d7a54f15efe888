using System.Net;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.OpenApi;

[Collection(ApiCollection.Name)]
public sealed class SwaggerDocumentTests(ForecastApp app)
{
    [Fact]
    public async Task The_openapi_document_describes_every_resource_with_request_examples()
    {
        var document = await (await app.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/v1/bids/estimate", paths);
        Assert.Contains("/v1/bids/estimate/batch", paths);
        Assert.Contains("/v1/models/{kind}/train", paths);
        Assert.Contains("/v1/advertisers/{id}/forecasts", paths);
        var estimate = document.GetProperty("paths").GetProperty("/v1/bids/estimate").GetProperty("post");
        var example = estimate.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("cpc", example.GetProperty("goal").GetProperty("type").GetString());
    }
}
