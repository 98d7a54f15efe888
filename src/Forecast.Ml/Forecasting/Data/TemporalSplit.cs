namespace Forecast.Ml.Forecasting.Data;

/// <summary>
/// Train, validation and test as-of days on one panel. A sample's target window (as-of + 1 … as-of + H) lies inside
/// its own split's day range, so no target crosses a boundary; features may look back across it, as in production.
/// </summary>
public sealed record TemporalSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Validation, IReadOnlyList<int> Test)
{
    public const int DefaultValidationDays = 21;
    public const int DefaultTestDays = 27;

    /// <summary>
    /// The last <paramref name="testDays"/> days are the test range, the <paramref name="validationDays"/> before it
    /// validation. A served model uses no test range (0): it learns from everything but the validation tail.
    /// </summary>
    public static TemporalSplit ByLastDays(
        int panelDays, ForecastWindow window, int validationDays = DefaultValidationDays, int testDays = DefaultTestDays)
    {
        var testStart = panelDays - testDays;
        var validationStart = testStart - validationDays;
        var firstAsOf = window.HistoryDays - 1;
        return new TemporalSplit(
            AsOfDays(firstAsOf, validationStart - 1, window),
            AsOfDays(validationStart, testStart - 1, window),
            AsOfDays(testStart, panelDays - 1, window));
    }

    private static List<int> AsOfDays(int from, int rangeEnd, ForecastWindow window) =>
        Enumerable.Range(from, Math.Max(0, rangeEnd - window.HorizonDays - from + 1)).ToList();
}
