using Forecast.Application.Forecasts.GetForecastChart;
using ScottPlot;

namespace Forecast.Api.Endpoints;

/// <summary>
/// Draws a forecast chart: daily history, then the horizon's forecast spread evenly over its days with the 80% interval
/// as a band (a total over H days shown per day, so it sits on the same scale as the history).
/// </summary>
internal static class ForecastChartRenderer
{
    public static byte[] Png(ForecastChartData chart)
    {
        var plot = new Plot();
        var history = plot.Add.Scatter(
            chart.History.Select(point => point.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray(),
            chart.History.Select(point => point.Value).ToArray());
        history.LegendText = $"{chart.Task} per day";
        if (chart.Forecast is { } forecast)
        {
            var days = Enumerable.Range(0, chart.HorizonDays + 1).Select(day => chart.AsOf.AddDays(day).ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            var perDay = (double total) => Enumerable.Repeat(total / chart.HorizonDays, days.Length).ToArray();
            var band = plot.Add.FillY(days, perDay(forecast.Lower), perDay(forecast.Upper));
            band.LegendText = "80% interval";
            band.FillColor = Colors.Orange.WithAlpha(0.35);
            band.LineColor = Colors.Orange;
            var point = plot.Add.Scatter(days, perDay(forecast.Forecast));
            point.LegendText = "forecast";
            point.LineWidth = 3;
            point.Color = Colors.DarkOrange;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title(chart.Forecast is null
            ? $"{chart.AdvertiserId} · {chart.Scenario} · {chart.Task}: {chart.NoForecastReason}"
            : $"{chart.AdvertiserId} · {chart.Scenario} · {chart.Task}, next {chart.HorizonDays} days from {chart.AsOf:yyyy-MM-dd}");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(900, 420, ImageFormat.Png);
    }
}
