using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Api.Tests.Forecasts;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Bids;

[Collection(ApiCollection.Name)]
public sealed class BidEstimateTests(ForecastApp app)
{
    private static readonly DateTimeOffset At = new(2019, 3, 28, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Without_a_ctr_champion_a_bid_estimate_is_409_saying_how_to_train()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var problem = await (await tenant.Http.PostAsJsonAsync("/v1/bids/estimate", Request("a1", "app", "cpc", 1m))).ReadJsonAsync(HttpStatusCode.Conflict);

        Assert.Contains("POST /v1/models/ctr/train", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Invalid_bid_requests_are_400_naming_each_field_and_unknown_references_404_or_422()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var single = await (await tenant.Http.PostAsJsonAsync("/v1/bids/estimate", Request("a1", "app", "cpm", -1m))).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["goal.target", "goal.type"], single.ErrorFields().Order());
        var batch = await (await tenant.Http.PostAsJsonAsync("/v1/bids/estimate/batch", new { items = new[] { Request("a1", "app", "cpc", 1m), Request("", "app", "cpc", 0m) } }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["items[1].advertiserId", "items[1].goal.target"], batch.ErrorFields().Order());
        var tooMany = await (await tenant.Http.PostAsJsonAsync("/v1/bids/estimate/batch", new { items = Enumerable.Repeat(Request("a1", "app", "cpc", 1m), 1001) }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["items"], tooMany.ErrorFields());

        await (await tenant.Http.PostAsJsonAsync("/v1/bids/estimate", Request("ghost", "app", "cpc", 1m))).ReadJsonAsync(HttpStatusCode.NotFound);
        var unknown = await (await tenant.Http.PostAsJsonAsync("/v1/bids/estimate/batch", new { items = new[] { Request("a1", "tv", "cpc", 1m) } }))
            .ReadJsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["items[0].scenario"], unknown.ErrorFields());
    }

    [Fact]
    public async Task Ctr_training_promotes_the_best_architecture_whose_bids_follow_the_goal_with_a_landscape_once_auctions_exist()
    {
        var (tenant, advertiser) = await DemoTenant.CreateAsync(app);
        var accepted = await tenant.Http.PostAsync("/v1/models/ctr/train", null);
        await accepted.ReadJsonAsync(HttpStatusCode.Accepted);
        var job = await tenant.WaitForJobAsync(accepted.Headers.Location!.ToString());
        Assert.Equal("Succeeded", job.GetProperty("state").GetString());
        Assert.Equal("ctr", job.GetProperty("kind").GetString());

        var models = (await (await tenant.Http.GetAsync("/v1/models?kind=ctr")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(["autoattention", "deepfm", "din", "gwen", "historical-ctr", "lr", "mlr", "multi-embedding", "pepnet", "pnn", "star", "wide-deep"], models.Select(model => model.GetProperty("architecture").GetString()).Order());
        var champion = Assert.Single(models, model => model.GetProperty("status").GetString() == "Champion");
        Assert.True(champion.GetProperty("metrics").GetProperty("bestOfRun").GetBoolean());
        Assert.All(models, model => Assert.InRange(model.GetProperty("metrics").GetProperty("validation").GetProperty("auc").GetDouble(), 0.55, 1));
        var gates = Assert.Single(models, model => model.GetProperty("architecture").GetString() == "multi-embedding").GetProperty("metrics").GetProperty("embeddingGates");
        Assert.Equal([4, 16, 64], gates.GetProperty("widths").EnumerateArray().Select(width => width.GetInt32()));
        Assert.Equal(["app", "site"], gates.GetProperty("perScenario").EnumerateObject().Select(scenario => scenario.Name));
        Assert.All(gates.GetProperty("perScenario").EnumerateObject(), scenario =>
            Assert.Equal(1, scenario.Value.EnumerateArray().Sum(weight => weight.GetDouble()), 6));
        Assert.All(models.Where(model => model.GetProperty("architecture").GetString() != "multi-embedding"),
            model => Assert.False(model.GetProperty("metrics").TryGetProperty("embeddingGates", out _)));

        var estimate = await (await tenant.Http.PostAsJsonAsync("/v1/bids/estimate", Request(advertiser, "app", "cpc", 0.5m))).ReadJsonAsync(HttpStatusCode.OK);
        var ctr = estimate.GetProperty("clickThroughRate").GetDouble();
        Assert.InRange(ctr, 1e-6, 0.999);
        // The answer's CTR is rounded to 6 decimals and the bid computed from the unrounded one: they agree within
        // 1000 × 0.5 × 5e-7 plus the bid's own rounding. Rounding both to cents failed on a boundary (7.75499… vs 7.7548).
        Assert.Equal(1000 * ctr * 0.5, (double)estimate.GetProperty("recommendedBid").GetDecimal(), 0.001);
        Assert.Equal(champion.GetProperty("id").GetGuid(), estimate.GetProperty("model").GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, estimate.GetProperty("landscape").ValueKind);
        Assert.Contains("auction outcomes", estimate.GetProperty("landscapeUnavailableReason").GetString());

        var cpa = await (await tenant.Http.PostAsJsonAsync("/v1/bids/estimate", Request(advertiser, "app", "cpa", 10m))).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["goal.type"], cpa.ErrorFields());

        await (await tenant.PostJsonBatchAsync("auction-outcomes", Auctions(advertiser, 400))).ReadJsonAsync(HttpStatusCode.OK);
        var priced = await (await tenant.Http.PostAsJsonAsync("/v1/bids/estimate/batch", new
        {
            items = new[] { Request(advertiser, "app", "cpc", 0.5m), Request(advertiser, "site", "ecpm", 2m) },
        })).ReadJsonAsync(HttpStatusCode.OK);
        var app_ = priced.GetProperty("items")[0];
        Assert.Equal(ctr, app_.GetProperty("clickThroughRate").GetDouble(), 6);
        var landscape = app_.GetProperty("landscape");
        Assert.Equal(400, landscape.GetProperty("marketPrices").GetInt32());
        var points = landscape.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(12, points.Count);
        AssertNonDecreasing(points.Select(point => point.GetProperty("winRate").GetDouble()));
        AssertNonDecreasing(points.Select(point => point.GetProperty("impressionsPerDay").GetDouble()));
        AssertNonDecreasing(points.Select(point => (double)point.GetProperty("spendPerDay").GetDecimal()));
        Assert.Equal(2m, priced.GetProperty("items")[1].GetProperty("recommendedBid").GetDecimal());
        Assert.Contains("site", priced.GetProperty("items")[1].GetProperty("landscapeUnavailableReason").GetString());
    }

    private static object Request(string advertiser, string scenario, string goal, decimal target) =>
        new { advertiserId = advertiser, scenario, at = At, goal = new { type = goal, target } };

    /// <summary>Hand-made second-price auctions in the app scenario: market prices spread over 0.5–3.5 CPM over two weeks.</summary>
    private static object[] Auctions(string advertiser, int count) =>
        Enumerable.Range(0, count).Select(index =>
        {
            var price = 0.5m + (3m * ((index * 37) % count) / count);
            var bid = 2m;
            return (object)new
            {
                auctionId = $"auction-{index}",
                scenario = "app",
                occurredAt = At.AddDays(-14).AddMinutes(index * 50),
                bid,
                won = price < bid,
                marketPrice = price,
                advertiserId = advertiser,
            };
        }).ToArray();

    private static void AssertNonDecreasing(IEnumerable<double> values)
    {
        var list = values.ToList();
        Assert.All(list.Zip(list.Skip(1)), pair => Assert.True(pair.Second >= pair.First, $"{pair.Second} < {pair.First}"));
    }
}
