using Forecast.Ml.Ctr.Data;

namespace Forecast.Ml.Tests.Ctr;

public sealed class CtrFeatureSchemaTests
{
    [Fact]
    public void Context_fields_of_impression_level_rows_become_label_and_numeric_features()
    {
        var rows = SyntheticObservations.ImpressionLog();
        var schema = CtrFeatureSchema.Fit(rows, DeliveryHistory.Within(rows, 4), 4);

        Assert.Equal(["advertiser", "scenario", "weekday", "slot", "context.creative"], schema.FieldNames);
        Assert.Equal(["bid_floor"], schema.NumericContextKeys);
        Assert.Equal(4, schema.Vocabularies[4].Size); // three creatives and the out-of-vocabulary bucket
    }

    [Fact]
    public void Unseen_values_fall_into_the_out_of_vocabulary_bucket_and_missing_numbers_into_the_mean()
    {
        var rows = SyntheticObservations.ImpressionLog();
        var schema = CtrFeatureSchema.Fit(rows, DeliveryHistory.Within(rows, 4), 4);
        var unseen = rows[0] with { Advertiser = "never-seen", Context = new Dictionary<string, string> { ["creative"] = "hologram" } };

        var features = schema.Encode([unseen], [DeliveryHistory.None]);

        Assert.Equal(0, features.Categorical[0]);
        Assert.Equal(0, features.Categorical[4]);
        Assert.Equal(0f, features.Numeric[^1], 5);
    }

    [Fact]
    public void A_row_never_sees_its_own_bucket_in_its_history()
    {
        var at = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var context = new Dictionary<string, string>();
        AdObservation[] rows =
        [
            new("a", "app", at, 240, context, 100, 1),
            new("a", "site", at, 240, context, 100, 50),
            new("a", "app", at.AddHours(4), 240, context, 100, 2),
        ];

        var histories = DeliveryHistory.Within(rows, 10);

        Assert.Empty(histories[0].Recent);
        Assert.Empty(histories[1].Recent);
        Assert.Equal(2, histories[2].Recent.Count);
        Assert.Equal(at, histories[2].FirstSeen);
    }
}
