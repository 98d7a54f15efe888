using Forecast.Application.Common.Refusals;

namespace Forecast.Application.Forecasts;

/// <summary>The one answer to a forecast asked of a tenant without a champion forecast model: 409, and how to get one.</summary>
public static class NoForecastModel
{
    public static Refusal Refusal() => Common.Refusals.Refusal.Conflict(
        "No champion model yet",
        "This tenant has no trained forecast model. Train one with POST /v1/models/forecast/train and follow it at /v1/jobs/{jobId}; forecasts are served once it is champion.");
}
