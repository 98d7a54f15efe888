using System.Net;
using Forecast.Api.Tests.Support;
using Forecast.Jobs.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests.Forecasts;

[Collection(ApiCollection.Name)]
public sealed class InterruptedTrainingTests(ForecastApp app)
{
    /// <summary>
    /// A run stopped midway (here: cancelled between epochs, the way a stopping worker ends it) must leave the champion
    /// untouched and serving; the retried run marks the stopped one interrupted and completes.
    /// </summary>
    [Fact]
    public async Task A_training_stopped_midway_leaves_the_champion_serving_and_the_retry_succeeds()
    {
        var (tenant, advertiser) = await DemoTenant.CreateAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<TrainForecastModelJob>();
        await job.RunAsync(tenant.Id, null, CancellationToken.None);
        var champion = await app.Database.RowsAsync("SELECT id, md5(artifact) FROM models WHERE tenant_id = $1 AND status = 'Champion'", tenant.Id);

        using var stop = new CancellationTokenSource();
        var stopped = Task.Run(() => job.RunAsync(tenant.Id, null, stop.Token));
        await WaitForAsync(async () => await app.Database.CountAsync(
            "SELECT count(*) FROM models WHERE tenant_id = $1 AND status = 'Training'", tenant.Id) == 1);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped);

        Assert.Equal(champion, await app.Database.RowsAsync("SELECT id, md5(artifact) FROM models WHERE tenant_id = $1 AND status = 'Champion'", tenant.Id));
        await (await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK);

        await job.RunAsync(tenant.Id, null, CancellationToken.None);

        var versions = await app.Database.RowsAsync("SELECT version, status, coalesce(error, '') FROM models WHERE tenant_id = $1 ORDER BY version", tenant.Id);
        Assert.Equal(3, versions.Count);
        Assert.StartsWith("2|Failed|interrupted", versions[1]);
        Assert.DoesNotContain("Training", string.Join(" ", versions));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
