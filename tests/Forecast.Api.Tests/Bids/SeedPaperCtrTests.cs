using System.Net;
using System.Net.Http.Json;
using Forecast.Api.Tests.Forecasts;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Bids;

public sealed class SeedPaperCtrTests(SeedPaperCtrApp app) : IClassFixture<SeedPaperCtrApp>
{
    [Fact]
    public async Task A_run_of_the_seed_papers_architectures_promotes_one_of_them_over_the_lookup_and_its_bids_are_served()
    {
        var (tenant, advertiser) = await DemoTenant.CreateAsync(app);

        var accepted = await tenant.Http.PostAsync("/v1/models/ctr/train", null);
        await accepted.ReadJsonAsync(HttpStatusCode.Accepted);
        var job = await tenant.WaitForJobAsync(accepted.Headers.Location!.ToString());
        Assert.Equal("Succeeded", job.GetProperty("state").GetString());

        var models = (await (await tenant.Http.GetAsync("/v1/models?kind=ctr")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        var seedPaper = SeedPaperCtrApp.Architectures.Split(", ");
        Assert.Equal(seedPaper.Order(StringComparer.Ordinal).Append("historical-ctr").Order(StringComparer.Ordinal),
            models.Select(model => model.GetProperty("architecture").GetString()!).Order(StringComparer.Ordinal));
        var champion = Assert.Single(models, model => model.GetProperty("status").GetString() == "Champion");
        Assert.Contains(champion.GetProperty("architecture").GetString(), seedPaper);

        var estimate = await (await tenant.Http.PostAsJsonAsync("/v1/bids/estimate", new
        {
            advertiserId = advertiser,
            scenario = "site",
            at = new DateTimeOffset(2019, 3, 28, 16, 0, 0, TimeSpan.Zero),
            goal = new { type = "cpc", target = 0.5m },
        })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(champion.GetProperty("id").GetGuid(), estimate.GetProperty("model").GetProperty("id").GetGuid());
        Assert.InRange(estimate.GetProperty("clickThroughRate").GetDouble(), 1e-6, 0.999);
    }
}
