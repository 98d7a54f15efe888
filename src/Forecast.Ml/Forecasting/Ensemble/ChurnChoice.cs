using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;

namespace Forecast.Ml.Forecasting.Ensemble;

/// <summary>
/// Where the served churn probability (no active day in the horizon) comes from, chosen by validation Brier score among
/// M2M's calibrated churn, the trees' zero hurdle on active days, their average, and the rule a planner would use —
/// "inactive in the last 7 days" — as the churn frequencies of inactive and active series on the same days.
/// </summary>
public sealed record ChurnChoice(string Source, IReadOnlyDictionary<string, double> ValidationBrier, double RuleInactive, double RuleActive)
{
    public const string M2M = "m2m";
    public const string Trees = "lightgbm";
    public const string Average = "average of m2m and lightgbm";
    public const string Rule = "inactive-last-7d rule";
    public const int RecentDays = 7;

    public double Probability(double m2m, double trees, bool recentlyActive) => Source switch
    {
        M2M => m2m,
        Trees => trees,
        Average => (m2m + trees) / 2,
        _ => recentlyActive ? RuleActive : RuleInactive,
    };

    public static bool RecentlyActive(PanelSeries series, int asOf)
    {
        for (var day = Math.Max(0, asOf - RecentDays + 1); day <= asOf; day++)
        {
            if (series.IsActive(day)) return true;
        }

        return false;
    }

    /// <summary>The churn probabilities of every sample under each source, for validation and backtests alike.</summary>
    public static IReadOnlyDictionary<string, double[]> Candidates(double[] m2m, double[] trees, bool[] recentlyActive, double ruleInactive, double ruleActive) =>
        new Dictionary<string, double[]>
        {
            [M2M] = m2m,
            [Trees] = trees,
            [Average] = m2m.Select((value, index) => (value + trees[index]) / 2).ToArray(),
            [Rule] = recentlyActive.Select(active => active ? ruleActive : ruleInactive).ToArray(),
        };

    public static ChurnChoice Fit(double[] m2m, double[] trees, bool[] recentlyActive, bool[] churned)
    {
        // Laplace-smoothed churn frequencies of the rule's two groups.
        double Frequency(bool active)
        {
            var group = churned.Where((_, index) => recentlyActive[index] == active).ToList();
            return (group.Count(value => value) + 1.0) / (group.Count + 2.0);
        }

        var (inactive, active) = (Frequency(false), Frequency(true));
        var brier = Candidates(m2m, trees, recentlyActive, inactive, active)
            .ToDictionary(pair => pair.Key, pair => ForecastMetrics.Brier(pair.Value, churned));
        return new ChurnChoice(brier.MinBy(pair => pair.Value).Key, brier, inactive, active);
    }
}
