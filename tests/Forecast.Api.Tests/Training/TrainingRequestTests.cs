using System.Net;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Training;

public sealed class TrainingRequestTests(NoJobServerApp app) : IClassFixture<NoJobServerApp>
{
    [Fact]
    public async Task Asking_again_for_a_kind_already_queued_answers_that_job_not_a_second_run()
    {
        var tenant = await app.NewTenantAsync();
        var other = await app.NewTenantAsync();

        var first = await Train(tenant, "forecast");
        Assert.Equal(first, await Train(tenant, "forecast"));
        Assert.Equal(first, await Train(tenant, "m2m")); // the forecast model's former name, kept for older clients
        Assert.NotEqual(first, await Train(tenant, "ctr"));
        Assert.NotEqual(first, await Train(other, "forecast"));
        Assert.Equal(1, await app.Database.CountAsync(
            "SELECT count(*) FROM hangfire.job WHERE invocationdata ->> 'Type' LIKE 'Forecast.Jobs.Training.TrainForecastModelJob,%' AND arguments ->> 0 LIKE $1",
            $"%{tenant.Id}%"));
    }

    private static async Task<string> Train(TenantClient tenant, string kind)
    {
        var response = await tenant.Http.PostAsync($"/v1/models/{kind}/train", null);
        await response.ReadJsonAsync(HttpStatusCode.Accepted);
        return response.Headers.Location!.ToString();
    }
}
