using Forecast.Api.Authentication;
using Forecast.Api.Endpoints;
using Forecast.Api.RateLimiting;
using Forecast.Application;
using Forecast.Infrastructure;
using Forecast.Jobs;
using Forecast.Serving;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace Forecast.Api.Hosting;

/// <summary>
/// The API as one application: every layer registered, the pipeline and the endpoints mapped. The API's entry point
/// runs it; the demo's host (demo/Forecast.Demo) and the benchmarks' (bench/Forecast.Bench.Api) run the same application
/// with what they add beside it.
/// </summary>
public static class ForecastApiHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? besides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .WriteTo.Console());

        builder.Services
            .AddApplication()
            .AddInfrastructure(builder.Configuration)
            .AddServing(builder.Configuration)
            .AddJobs(builder.Configuration)
            .AddApi(builder.Configuration);
        besides?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseSwagger();
        app.UseSwaggerUI();

        app.MapPrometheusScrapingEndpoint(ApiTelemetry.ScrapePath);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapGroup("/v1")
            .RequireRateLimiting(ApiRateLimits.Requests)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .MapTenantsApi()
            .MapAuditApi()
            .MapAdvertisersApi()
            .MapAdvertiserErasureApi()
            .MapScenariosApi()
            .MapIngestionApi()
            .MapModelsApi()
            .MapRetrainingApi()
            .MapModelHealthApi()
            .MapWebhooksApi()
            .MapForecastsApi()
            .MapAccuracyApi()
            .MapBidsApi();

        app.MapOperatorLogin();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(OperatorCookie.DashboardPath), dashboard => dashboard.Use(OperatorCookie.GateDashboardAsync));
        app.UseHangfireDashboard(OperatorCookie.DashboardPath, new DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorization()],
            AppPath = "/swagger",
            DashboardTitle = "Forecast jobs",
        });

        StartupBanner.PrintWhenStarted(app);
        return app;
    }
}
