using System.Globalization;
using System.Threading.RateLimiting;
using Forecast.Api.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Forecast.Api.RateLimiting;

/// <summary>
/// The three rate-limit policies, partitioned by API key. The limiter runs after authorization, so requests without a
/// valid key are refused (401/403) before they can create partitions; a refused request is a 429 ProblemDetails with
/// Retry-After.
/// </summary>
internal static class ApiRateLimits
{
    public const string Requests = "requests";
    public const string Ingestion = "ingestion";
    public const string Training = "training";
    public const string Login = "login";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Requests, context => PerKey(context, limits.RequestBurst, limits.RequestsPerSecond, TimeSpan.FromSeconds(1)));
            options.AddPolicy(Ingestion, context => PerKey(context, limits.IngestionBurst, limits.IngestionBatchesPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(Training, context => PerKey(context, limits.TrainingBurst, limits.TrainingsPerHour, TimeSpan.FromHours(1)));
            // Guessing the admin key on the login page: a few tries a minute per client address.
            options.AddPolicy(Login, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> PerKey(HttpContext context, int burst, int perPeriod, TimeSpan period) =>
        RateLimitPartition.GetTokenBucketLimiter(
            context.Request.Headers[ApiKeyDefaults.Header].ToString(),
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, burst),
                TokensPerPeriod = Math.Max(1, perPeriod),
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? Requests;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This API key has used its {policy} allowance; repeat the request after {seconds} s. Nothing of it was done.",
            },
        });
    }
}
