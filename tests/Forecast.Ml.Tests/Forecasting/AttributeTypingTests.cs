using Forecast.Ml.Forecasting.Data;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class AttributeTypingTests
{
    private static IEnumerable<(string, IReadOnlyDictionary<string, string>)> Advertisers(Func<int, Dictionary<string, string>> profile, int count = 40) =>
        Enumerable.Range(0, count).Select(index => ($"adv-{index}", (IReadOnlyDictionary<string, string>)profile(index)));

    [Fact]
    public void A_date_valued_attribute_becomes_a_numeric_age_not_a_category()
    {
        var (categorical, numeric) = AttributeTyping.Classify(
            Advertisers(index => new() { ["first_seen_date"] = new DateOnly(2018, 11, 9).AddDays(index).ToString("yyyy-MM-dd") }), AttributeOwner.Advertiser);

        Assert.Empty(categorical);
        var age = Assert.Single(numeric);
        Assert.Equal(("first_seen_date", NumericAttribute.Date), (age.Name, age.Type));
    }

    [Fact]
    public void The_age_is_the_log_of_days_before_the_as_of_day()
    {
        var attribute = new NumericAttribute(AttributeOwner.Advertiser, "first_seen_date", NumericAttribute.Date);
        var series = Series(new Dictionary<string, string> { ["first_seen_date"] = "2019-01-01" });

        Assert.Equal(MathF.Log(1 + 30), attribute.ValueOf(series, new DateOnly(2019, 1, 31)), 5);
        Assert.Equal(0f, attribute.ValueOf(series, new DateOnly(2018, 12, 1)));
        Assert.Equal(0f, attribute.ValueOf(Series(new Dictionary<string, string>()), new DateOnly(2019, 1, 31)));
    }

    [Fact]
    public void Numbers_stay_numeric_labels_with_few_values_are_categories_and_identifiers_are_dropped()
    {
        var (categorical, numeric) = AttributeTyping.Classify(
            Advertisers(index => new()
            {
                ["monthly_budget"] = (index * 125.5).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["industry"] = index % 3 == 0 ? "retail" : "travel",
                ["account_name"] = $"Account {index}",
            }),
            AttributeOwner.Advertiser);

        Assert.Equal(["monthly_budget"], numeric.Select(attribute => attribute.Name));
        var industry = Assert.Single(categorical);
        Assert.Equal(("industry", 2), (industry.Name, industry.Values.Count));
    }

    [Fact]
    public void A_few_scenarios_keep_their_distinct_labels_and_the_key()
    {
        var (categorical, _) = AttributeTyping.Classify(
            [("app", new Dictionary<string, string> { ["scenario"] = "app", ["placement"] = "in-app" }),
             ("site", new Dictionary<string, string> { ["scenario"] = "site", ["placement"] = "web" })],
            AttributeOwner.Scenario);

        Assert.Equal(["placement", "scenario"], categorical.Select(attribute => attribute.Name));
    }

    [Fact]
    public async Task The_demo_first_seen_date_is_an_age_feature_of_the_served_schema()
    {
        var panel = await RealPanel.LoadAsync();

        var schema = FeatureSchema.Fit(panel, [60, 70, 80], new ForecastWindow());

        Assert.Contains(schema.NumericAttributes, attribute => attribute is { Name: "first_seen_date", Type: NumericAttribute.Date });
        Assert.DoesNotContain(schema.AdvertiserAttributes, attribute => attribute.Name == "first_seen_date");
        Assert.Equal(FeatureSchema.DenseFeatures.Count + schema.NumericAttributes.Count, schema.DenseFeatureCount);
    }

    private static PanelSeries Series(IReadOnlyDictionary<string, string> profile) =>
        new("a", "app", new Dictionary<string, string>(), profile, [0], [0], [0], [0], [[]]);
}
