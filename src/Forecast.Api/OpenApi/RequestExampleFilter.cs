using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forecast.Api.OpenApi;

/// <summary>Puts each endpoint's <see cref="RequestExample"/> into its request body, per content type.</summary>
internal sealed class RequestExampleFilter(IOptions<JsonOptions> json) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var example = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().FirstOrDefault();
        if (example is null || operation.RequestBody?.Content is not { } content)
        {
            return;
        }

        foreach (var (contentType, media) in content.Where(entry => entry.Value is OpenApiMediaType))
        {
            ((OpenApiMediaType)media).Example = contentType == "text/csv" && example.Csv is not null
                ? JsonValue.Create(example.Csv)
                : JsonSerializer.SerializeToNode(example.Json, example.Json.GetType(), json.Value.SerializerOptions);
        }
    }
}
