
namespace Forecast.Application.Accuracy;

/// <summary>Turns the outcomes of one model's forecasts of one day into accuracy sums per scenario and task.</summary>
public static class RealizedAccuracyCalculator
{
    public static IReadOnlyDictionary<(string Scenario, string Task), AccuracySums> Sum(IEnumerable<ForecastOutcome> outcomes)
    {
        var sums = new Dictionary<(string Scenario, string Task), AccuracySums>();
        void Add(string scenario, string task, AccuracySums pair) =>
            sums[(scenario, task)] = sums.GetValueOrDefault((scenario, task), AccuracySums.Zero) + pair;

        foreach (var outcome in outcomes)
        {
            var naiveScale = outcome.HorizonDays / 7.0;
            foreach (var (task, forecast) in outcome.Tasks)
            {
                if (Actual(outcome.Actual, task) is { } actual && Actual(outcome.LastWeek, task) is { } lastWeek)
                {
                    Add(outcome.Scenario, task, AccuracySums.OfCount(forecast.Forecast, forecast.Lower, forecast.Upper, actual, lastWeek * naiveScale));
                }
            }

            Add(outcome.Scenario, AccuracyTasks.Churn,
                AccuracySums.OfChurn(outcome.ChurnProbability, outcome.Actual.ActiveDays == 0, outcome.LastWeek.ActiveDays == 0));
        }

        return sums;
    }

    /// <summary>A task's actual total; spend the tenant did not send counts as 0 once the model forecast it.</summary>
    private static double? Actual(ChannelTotals totals, string task) => task switch
    {
        "impressions" => totals.Impressions,
        "clicks" => totals.Clicks,
        "spend" => totals.Spend ?? 0,
        "active_days" => totals.ActiveDays,
        _ => null,
    };
}
