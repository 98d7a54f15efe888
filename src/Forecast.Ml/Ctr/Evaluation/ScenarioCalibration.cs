using Forecast.Ml.Ctr.Data;

namespace Forecast.Ml.Ctr.Evaluation;

/// <summary>
/// Platt scaling per scenario on the most recent (validation) rows: a scenario with enough clicks gets its own map when
/// it prices that scenario's rows better than the overall one; the rest use the overall map, itself kept only when it
/// lowers the log-loss (else identity). Scenarios drift apart — a placement's CTR level moves while another's does not —
/// and one map for all of them leaves each off by the other's drift.
/// </summary>
public sealed record ScenarioCalibration(PlattCalibration Overall, IReadOnlyDictionary<string, PlattCalibration> Scenarios)
{
    /// <summary>Clicks a scenario needs in validation before it gets a map of its own.</summary>
    public const int MinScenarioClicks = 50;

    public static readonly ScenarioCalibration Identity = new(PlattCalibration.Identity, new Dictionary<string, PlattCalibration>());

    public double Apply(double probability, string scenario) =>
        (Scenarios.TryGetValue(scenario, out var own) ? own : Overall).Apply(probability);

    public double[] Apply(IReadOnlyList<AdObservation> observations, IReadOnlyList<double> probabilities) =>
        observations.Select((observation, row) => Apply(probabilities[row], observation.Scenario)).ToArray();

    public static ScenarioCalibration Fit(IReadOnlyList<AdObservation> validation, IReadOnlyList<double> raw)
    {
        var overall = Better(CtrScoring.FitCalibration(validation, raw), PlattCalibration.Identity, validation, raw);
        var scenarios = new Dictionary<string, PlattCalibration>(StringComparer.Ordinal);
        foreach (var scenario in Enumerable.Range(0, validation.Count).GroupBy(row => validation[row].Scenario, StringComparer.Ordinal))
        {
            var rows = scenario.Select(row => validation[row]).ToList();
            if (rows.Sum(row => row.Clicks) < MinScenarioClicks) continue;
            var predicted = scenario.Select(row => raw[row]).ToList();
            var own = CtrScoring.FitCalibration(rows, predicted);
            if (Better(own, overall, rows, predicted) == own)
            {
                scenarios[scenario.Key] = own;
            }
        }

        return new ScenarioCalibration(overall, scenarios);
    }

    private static PlattCalibration Better(PlattCalibration candidate, PlattCalibration incumbent, IReadOnlyList<AdObservation> rows, IReadOnlyList<double> raw)
    {
        double LogLoss(PlattCalibration calibration) => CtrMetrics.LogLoss(
            raw.Select(calibration.Apply).ToList(),
            rows.Select(row => (double)row.Impressions).ToList(),
            rows.Select(row => (double)row.Clicks).ToList());
        return LogLoss(candidate) < LogLoss(incumbent) ? candidate : incumbent;
    }
}
