using System.Globalization;

namespace Forecast.Application.Accuracy;

/// <summary>
/// Decides from a champion's realized accuracy whether it drifted (see <see cref="DriftOptions"/>), and says why in
/// words an operator can act on; null when it did not.
/// </summary>
public static class DriftRule
{
    public static string? Check(DriftOptions options, IReadOnlyDictionary<string, double> validationSmape, IReadOnlyList<AccuracyRow> championRows)
    {
        var days = championRows.Select(row => row.AsOf).Distinct().OrderDescending().ToList();
        var reasons = new List<string>();
        var window = days.Take(options.WindowDays).ToHashSet();
        foreach (var task in Totals(championRows.Where(row => window.Contains(row.AsOf))))
        {
            if (task.Value.Pairs >= options.MinPairs && validationSmape.TryGetValue(task.Key, out var validation) && validation > 0)
            {
                var live = AccuracyRatios.Smape(task.Value)!.Value;
                if (live > validation * (1 + options.SmapeDegradation))
                {
                    reasons.Add(string.Create(CultureInfo.InvariantCulture,
                        $"live {task.Key} SMAPE {live:F1}% over the last {window.Count} judged day(s) ({task.Value.Pairs} pairs) against {validation:F1}% on validation (+{100 * ((live / validation) - 1):F0}%)"));
                }
            }
        }

        if (options.NaiveAheadDays > 0 && days.Count >= options.NaiveAheadDays)
        {
            var recent = days.Take(options.NaiveAheadDays).ToList();
            var byDay = recent.Select(day => Totals(championRows.Where(row => row.AsOf == day))).ToList();
            foreach (var task in byDay[0].Keys)
            {
                var pairs = byDay.Sum(totals => totals.GetValueOrDefault(task)?.Pairs ?? 0);
                if (pairs >= options.MinPairs && byDay.All(totals => totals.TryGetValue(task, out var sums) && NaiveAhead(sums)))
                {
                    reasons.Add(string.Create(CultureInfo.InvariantCulture,
                        $"the seasonal naive beat {task} on both SMAPE and NMAE on each of the last {recent.Count} judged days ({recent[^1]:yyyy-MM-dd} to {recent[0]:yyyy-MM-dd}, {pairs} pairs)"));
                }
            }
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private static Dictionary<string, AccuracySums> Totals(IEnumerable<AccuracyRow> rows) => rows
        .Where(row => row.Task != AccuracyTasks.Churn)
        .GroupBy(row => row.Task)
        .ToDictionary(task => task.Key, task => task.Aggregate(AccuracySums.Zero, (total, row) => total + row.Sums));

    private static bool NaiveAhead(AccuracySums sums) =>
        sums.NaiveSmapeSum < sums.SmapeSum && sums.NaiveAbsoluteErrorSum < sums.AbsoluteErrorSum;
}
