using Forecast.Ml.Ctr.Data;

namespace Forecast.Ml.Tests.Ctr;

/// <summary>Small hand-made impression-level and aggregated rows with free context fields.</summary>
internal static class SyntheticObservations
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Impression-level rows (one impression each) for three advertisers over days, with a label context field
    /// (creative) and a numeric one (bid floor); clicks follow the creative so there is something to learn.
    /// </summary>
    public static List<AdObservation> ImpressionLog(int days = 6, int perDay = 40)
    {
        var random = new Random(7);
        var rows = new List<AdObservation>();
        for (var day = 0; day < days; day++)
        {
            for (var index = 0; index < perDay; index++)
            {
                var creative = random.Next(3) switch { 0 => "banner", 1 => "video", _ => "native" };
                var clickChance = creative == "video" ? 0.3 : 0.05;
                rows.Add(new AdObservation(
                    $"adv-{index % 3}",
                    index % 2 == 0 ? "app" : "site",
                    Start.AddDays(day).AddMinutes(index * 30),
                    0,
                    new Dictionary<string, string>
                    {
                        ["creative"] = creative,
                        ["bid_floor"] = (0.1 + (random.NextDouble() * 2)).ToString("F3", System.Globalization.CultureInfo.InvariantCulture),
                    },
                    1,
                    random.NextDouble() < clickChance ? 1 : 0));
            }
        }

        return rows;
    }

    /// <summary>The impression log with a six-token behaviour sequence, its schema fitted on it and encoded as one batch.</summary>
    public static (CtrFeatureSchema Schema, CtrBatch Batch) Encoded()
    {
        var rows = ImpressionLog();
        var histories = DeliveryHistory.Within(rows, 6);
        var schema = CtrFeatureSchema.Fit(rows, histories, 6);
        return (schema, schema.Encode(rows, histories).ToBatch());
    }
}
