using Forecast.Ml.Ctr.Data;

namespace Forecast.Ml.Ctr.Training;

/// <summary>
/// A temporal split of observations by day: the last days are the test range (none when training for production),
/// the days before them validation (early stopping, calibration, the champion gate), the rest training.
/// </summary>
public sealed record CtrDataSplit(int[] Train, int[] Validation, int[] Test)
{
    public static CtrDataSplit ByDays(IReadOnlyList<AdObservation> observations, double validationFraction, double testFraction)
    {
        var days = observations.Select(observation => observation.Day).Distinct().Order().ToArray();
        var testDays = (int)Math.Round(days.Length * testFraction);
        var validationDays = Math.Max(1, (int)Math.Round(days.Length * validationFraction));
        if (days.Length < validationDays + testDays + 1)
        {
            throw new InvalidOperationException(
                $"CTR training needs at least {validationDays + testDays + 1} days of ad stats to split by time; there are {days.Length}.");
        }

        var validationFrom = days[^(validationDays + testDays)];
        var testFrom = testDays == 0 ? DateOnly.MaxValue : days[^testDays];
        var rows = Enumerable.Range(0, observations.Count).ToArray();
        return new CtrDataSplit(
            rows.Where(row => observations[row].Day < validationFrom).ToArray(),
            rows.Where(row => observations[row].Day >= validationFrom && observations[row].Day < testFrom).ToArray(),
            rows.Where(row => observations[row].Day >= testFrom).ToArray());
    }
}
