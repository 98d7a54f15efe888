namespace Forecast.Ml.Forecasting.Data;

/// <summary>The M2M tasks: next-horizon totals of spend, impressions and clicks, and the number of active days.</summary>
public enum ForecastTask
{
    Spend,
    Impressions,
    Clicks,
    ActiveDays,
}

public static class ForecastTasks
{
    public static readonly IReadOnlyList<ForecastTask> All = Enum.GetValues<ForecastTask>();

    public static string Name(this ForecastTask task) => task switch
    {
        ForecastTask.Spend => "spend",
        ForecastTask.Impressions => "impressions",
        ForecastTask.Clicks => "clicks",
        ForecastTask.ActiveDays => "active_days",
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };
}
