namespace Forecast.Api.OpenApi;

/// <summary>Endpoint metadata: an example request body, as JSON and optionally as CSV, shown in Swagger.</summary>
internal sealed record RequestExample(object Json, string? Csv);

internal static class RequestExampleExtensions
{
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder endpoint, object json, string? csv = null) =>
        endpoint.WithMetadata(new RequestExample(json, csv));
}
