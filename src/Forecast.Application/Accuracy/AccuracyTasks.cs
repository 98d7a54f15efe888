namespace Forecast.Application.Accuracy;

/// <summary>The task names live accuracy is kept under besides the forecast tasks' own.</summary>
public static class AccuracyTasks
{
    /// <summary>Churn, judged by the Brier score of the churn probability rather than by count errors.</summary>
    public const string Churn = "churn";
}
