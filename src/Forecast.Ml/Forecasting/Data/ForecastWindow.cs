namespace Forecast.Ml.Forecasting.Data;

/// <summary>History length T and horizon H, in days (the paper's sequence length and the forecast horizon).</summary>
public sealed record ForecastWindow(int HistoryDays = 14, int HorizonDays = 7)
{
    /// <summary>Series must have delivered in this many days before the as-of date (or within the horizon) to count.</summary>
    public const int AliveLookbackDays = 28;

    /// <summary>
    /// No feature reads further back than this many days up to the as-of day: a forecast served online or by a scoring
    /// run reads just these days of a tenant's history, so a feature trained on more would be one serving never sees.
    /// </summary>
    public const int FeatureLookbackDays = 60;
}
