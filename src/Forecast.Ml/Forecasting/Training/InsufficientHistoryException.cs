namespace Forecast.Ml.Forecasting.Training;

/// <summary>A tenant's history is too short for a model to learn from: not a fault of the data, a matter of waiting.</summary>
public sealed class InsufficientHistoryException(int days, int minimumDays) : Exception(
    $"The tenant's history spans {days} day(s); a forecast model learns from at least {minimumDays} days (a 14-day history and a 7-day horizon before 21 validation days).")
{
    public int Days { get; } = days;

    public int MinimumDays { get; } = minimumDays;
}
