using Forecast.Domain.Advertisers;
using Forecast.Domain.Scenarios;

namespace Forecast.Domain.Tests;

public sealed class DescribeTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Describing_an_advertiser_the_same_way_again_changes_nothing()
    {
        var advertiser = Advertiser.Create(Guid.NewGuid(), "934", Now);
        Assert.True(advertiser.Describe("Acme", new Dictionary<string, string> { ["tier"] = "gold" }, Now.AddDays(1)));

        Assert.False(advertiser.Describe("Acme", new Dictionary<string, string> { ["tier"] = "gold" }, Now.AddDays(2)));
        Assert.Equal(Now.AddDays(1), advertiser.UpdatedAt);
    }

    [Fact]
    public void A_changed_attribute_value_is_a_change()
    {
        var scenario = Scenario.Create(Guid.NewGuid(), "app", Now);
        scenario.Describe("App", new Dictionary<string, string> { ["channel"] = "mobile-app" }, Now);

        Assert.True(scenario.Describe("App", new Dictionary<string, string> { ["channel"] = "web" }, Now.AddDays(1)));
        Assert.Equal("web", scenario.Attributes["channel"]);
    }
}
