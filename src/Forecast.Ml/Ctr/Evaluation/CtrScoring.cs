using Forecast.Ml.Ctr.Data;

namespace Forecast.Ml.Ctr.Evaluation;

/// <summary>Scores predictions against the observations they were made for.</summary>
public static class CtrScoring
{
    public static CtrScores Of(IReadOnlyList<AdObservation> observations, IReadOnlyList<double> predicted) =>
        CtrScores.Of(
            predicted,
            observations.Select(observation => (double)observation.Impressions).ToList(),
            observations.Select(observation => (double)observation.Clicks).ToList(),
            observations.Select(observation => observation.Scenario).ToList());

    public static PlattCalibration FitCalibration(IReadOnlyList<AdObservation> observations, IReadOnlyList<double> predicted) =>
        PlattCalibration.Fit(
            predicted,
            observations.Select(observation => (double)observation.Impressions).ToList(),
            observations.Select(observation => (double)observation.Clicks).ToList());
}
