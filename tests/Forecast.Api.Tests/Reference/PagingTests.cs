using System.Net;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Reference;

[Collection(ApiCollection.Name)]
public sealed class PagingTests(ForecastApp app)
{
    [Fact]
    public async Task Paging_returns_every_advertiser_once_in_order()
    {
        var tenant = await app.NewTenantAsync();
        var ids = Enumerable.Range(0, 23).Select(index => $"adv-{index:D3}").ToArray();
        await tenant.PutAdvertisersAsync(ids);

        var seen = await ReadAllPagesAsync(tenant, "/v1/advertisers", "id", limit: 5, betweenPages: null);

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task Objects_added_while_paging_cause_no_gap_or_duplicate()
    {
        var tenant = await app.NewTenantAsync();
        await tenant.PutScenariosAsync("b", "d", "f", "h");
        var added = false;

        var seen = await ReadAllPagesAsync(tenant, "/v1/scenarios", "key", limit: 2, betweenPages: async () =>
        {
            if (!added)
            {
                added = true;
                await tenant.PutScenariosAsync("a", "g");
            }
        });

        Assert.Equal(["b", "d", "f", "g", "h"], seen);
    }

    [Fact]
    public async Task A_limit_out_of_range_is_400_naming_limit()
    {
        var tenant = await app.NewTenantAsync();

        var problem = await (await tenant.Http.GetAsync("/v1/advertisers?limit=0")).ReadJsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["limit"], problem.ErrorFields());
    }

    private static async Task<List<string>> ReadAllPagesAsync(
        TenantClient tenant, string path, string idField, int limit, Func<Task>? betweenPages)
    {
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? $"?limit={limit}" : $"?limit={limit}&cursor={cursor}";
            var page = await (await tenant.Http.GetAsync(path + query)).ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty(idField).GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            if (betweenPages is not null)
            {
                await betweenPages();
            }
        }
        while (cursor is not null);

        return seen;
    }
}
