using System.Globalization;
using Forecast.Application.Ingestion.DailyMetrics;

namespace Forecast.Bench.Training;

/// <summary>
/// The shipped Google political ads weekly spend (../shared/data/google-political-ads, SOURCE.md there) as a spend-only
/// daily feed: each week's spend spread evenly over its seven days, one scenario.
/// </summary>
internal static class PoliticalAdsSpend
{
    public const string Scenario = "google";

    public static async Task<IReadOnlyList<DailyMetricRow>> ReadAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Environment.GetEnvironmentVariable("FORECAST_SHARED") ?? Path.Combine("..", "shared"),
            "data", "google-political-ads", "advertiser-weekly-spend.csv");
        var rows = new List<DailyMetricRow>();
        foreach (var line in (await File.ReadAllLinesAsync(path, cancellationToken)).Skip(1))
        {
            // The advertiser's name may hold quoted commas: its id is the first field, week and spend the last two.
            var fields = line.Split(',');
            var weekStart = DateOnly.Parse(fields[^2], CultureInfo.InvariantCulture);
            var daily = Math.Round(decimal.Parse(fields[^1], CultureInfo.InvariantCulture) / 7, 2);
            for (var day = 0; day < 7; day++)
            {
                rows.Add(new DailyMetricRow(fields[0], Scenario, weekStart.AddDays(day), Spend: daily));
            }
        }

        return rows;
    }
}
