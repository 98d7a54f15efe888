using System.Globalization;

namespace Forecast.Jobs.Webhooks;

/// <summary>Webhook delivery (section Forecast:Webhooks).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Forecast:Webhooks";

    /// <summary>
    /// The waits before each retry of a delivery that failed (a non-2xx answer, a timeout, no connection), comma-separated
    /// time spans: five retries over about two and a half hours by default, then the delivery is failed in the log.
    /// </summary>
    public string RetryDelays { get; set; } = "00:00:10,00:01:00,00:05:00,00:30:00,02:00:00";

    /// <summary>
    /// Whether deliveries may connect to loopback and private addresses (a receiver on the service's own host or
    /// network). Off by default: a tenant's URL could otherwise reach what only the service should.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long a receiver has to answer one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<TimeSpan> Delays() =>
        [.. RetryDelays.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(delay => TimeSpan.Parse(delay, CultureInfo.InvariantCulture))];

    public bool HasValidDelays() =>
        RetryDelays.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .All(delay => TimeSpan.TryParse(delay, CultureInfo.InvariantCulture, out var wait) && wait >= TimeSpan.Zero);
}
