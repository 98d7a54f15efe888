using Forecast.Application.Accuracy.GetAccuracyChart;
using ScottPlot;

namespace Forecast.Api.Endpoints;

/// <summary>Draws live accuracy by as-of day: the served forecasts' error against the seasonal naive's on the same pairs.</summary>
internal static class AccuracyChartRenderer
{
    public static byte[] Png(AccuracyChartData chart)
    {
        var plot = new Plot();
        var days = chart.Days.Select(day => day.AsOf.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var served = plot.Add.Scatter(days, chart.Days.Select(day => day.Served).ToArray());
        served.LegendText = "served forecasts";
        served.LineWidth = 2;
        var naive = plot.Add.Scatter(days, chart.Days.Select(day => day.Naive).ToArray());
        naive.LegendText = "seasonal naive (same pairs)";
        naive.LinePattern = LinePattern.Dashed;
        plot.Axes.DateTimeTicksBottom();
        // From zero: a gap between the two lines reads as the share of error the model saves.
        plot.Axes.SetLimitsY(0, 1.1 * chart.Days.Select(day => Math.Max(day.Served, day.Naive)).DefaultIfEmpty(1).Max());
        plot.YLabel(chart.Measure);
        var where = chart.Scenario is null ? "all scenarios" : chart.Scenario;
        plot.Title(chart.Days.Count == 0
            ? $"{chart.Task} · {where}: no forecast judged yet (each is judged once its horizon's actuals arrive)"
            : $"Live {chart.Measure} of {chart.Task} · {where}, by as-of day ({chart.Days.Sum(day => day.Pairs):N0} pairs)");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(900, 420, ImageFormat.Png);
    }
}
