using System.Text.Json;
using Forecast.Api.Authentication;
using Forecast.Api.Endpoints;
using Forecast.Api.Errors;
using Forecast.Api.Hosting;
using Forecast.Api.OpenApi;
using Forecast.Api.RateLimiting;
using Forecast.Application.Common.Behaviours;
using Forecast.Application.Ingestion;
using Forecast.Serving.Health;
using Npgsql;

namespace Forecast.Api;

internal static class ApiServices
{
    /// <summary>HTTP surface: Mediator with validation, API-key auth, per-key rate limits, telemetry, ProblemDetails, strict JSON, health, Swagger.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehaviour<,>)];
        });
        services.AddApiKeyAuthentication(configuration);
        services.AddApiRateLimits(configuration);
        services.AddApiTelemetry(configuration);
        services.AddProblemDetails();
        services.Configure<Forecast.Application.Ingestion.IngestionBounds>(configuration.GetSection(Forecast.Application.Ingestion.IngestionBounds.Section));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            // Strict bodies: a misspelt or missing field is a 400 naming it, never a silent default.
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.RespectNullableAnnotations = true;
            options.SerializerOptions.RespectRequiredConstructorParameters = true;
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            options => options.Limits.MaxRequestBodySize = BatchLimits.MaxBytes);
        services.AddSingleton<BatchBodyReader>();
        services.AddHealthChecks()
            .AddNpgSql(provider => provider.GetRequiredService<NpgsqlDataSource>(), name: "postgresql", tags: ["ready"])
            .AddCheck<TorchRuntimeHealthCheck>("torch", tags: ["ready"]);
        services.AddForecastSwagger();
        return services;
    }
}
