namespace Forecast.Ml.Forecasting.Data;

/// <summary>History length T and horizon H, in days (the paper's sequence length and the forecast horizon).</summary>
public sealed record ForecastWindow(int HistoryDays = 14, int HorizonDays = 7)
{
    /// <summary>Series must have delivered in this many days before the as-of date (or within the horizon) to count.</summary>
    public const int AliveLookbackDays = 28;
}
