using Forecast.Api.Tests.Support;
using Forecast.Application.Common.Persistence;
using Forecast.Domain.Registry;
using Forecast.Jobs.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests.Forecasts;

[Collection(ApiCollection.Name)]
public sealed class PruneModelsTests(ForecastApp app)
{
    [Fact]
    public async Task Pruning_keeps_the_champion_and_the_newest_models()
    {
        var tenant = await app.NewTenantAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IForecastDbContext>();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var version = 1; version <= 9; version++)
        {
            var model = RegisteredModel.StartTraining(tenant.Id, "forecast", "m2m-guarded", version, start.AddDays(version));
            model.Complete([1, 2, 3], new DateOnly(2026, 1, 1), "fingerprint", "{}", "{}", start.AddDays(version));
            if (version == 1)
            {
                model.Promote(start.AddDays(version));
            }

            db.Models.Add(model);
        }

        await db.SaveChangesAsync(CancellationToken.None);

        await scope.ServiceProvider.GetRequiredService<PruneModelsJob>().RunAsync(tenant.Id, CancellationToken.None);

        var left = await app.Database.RowsAsync("SELECT version, status FROM models WHERE tenant_id = $1 ORDER BY version", tenant.Id);
        Assert.Equal(["1|Champion", "5|Candidate", "6|Candidate", "7|Candidate", "8|Candidate", "9|Candidate"], left);
    }
}
