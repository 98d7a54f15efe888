using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Bench.Ingestion;
using Forecast.Bench.Scale;
using Npgsql;

namespace Forecast.Bench.Accuracy;

/// <summary>
/// The daily loop on real data, judged the way a tenant would see it: the shipped TabMo tenant up to four weeks before
/// its last day, then each remaining day ingested as its own morning batch (advertisers created on the day they first
/// deliver), the job queue left to drain as the nights would. Nobody trains in the default <c>new-data</c> mode: the
/// tenant's retraining policy does (its first model and a retraining after each day); <c>drift-only</c> retrains on
/// drift alone; <c>manual</c> calls train after each day, as a person retraining by hand would (the reference).
/// Prints the live accuracy the API serves for the forecasts issued in those weeks, next to the seasonal naive on the
/// same pairs, per model, every drift the rule found, and the trainings queued, succeeded and failed.
/// </summary>
internal static class LiveReplayBenchmark
{
    public const int ReplayDays = 28;

    public static readonly string[] Modes = ["new-data", "drift-only", "manual"];

    public static async Task<int> RunAsync(BenchEnvironment environment, string mode, CancellationToken cancellationToken)
    {
        var manual = mode == "manual";
        var demo = await ShippedData.ReadAsync(cancellationToken);
        var lastDay = demo.DailyMetrics.Max(row => row.Date);
        var cut = lastDay.AddDays(-ReplayDays);
        var firstSeen = demo.DailyMetrics.GroupBy(row => row.AdvertiserId).ToDictionary(advertiser => advertiser.Key, advertiser => advertiser.Min(row => row.Date));
        await using var dataSource = NpgsqlDataSource.Create(environment.ConnectionString);
        using var admin = new HttpClient { BaseAddress = environment.ApiUrl, Timeout = TimeSpan.FromMinutes(10) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", environment.AdminKey);
        var tenant = await BenchTenant.CreateAsync(
            admin,
            dataSource,
            "live replay",
            demo.Scenarios.ToDictionary(scenario => scenario.Key, scenario => scenario.Value.Attributes),
            demo.Advertisers.Where(advertiser => firstSeen[advertiser.Key] <= cut).ToDictionary(advertiser => advertiser.Key, advertiser => advertiser.Value.Profile),
            cancellationToken);
        using var client = new HttpClient { BaseAddress = environment.ApiUrl, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", tenant.ApiKey);
        (await client.PutAsJsonAsync("/v1/models/retraining", new { mode = manual ? "drift-only" : mode }, cancellationToken)).EnsureSuccessStatusCode();

        // Behaviour first: the daily metrics are what the loop watches, and its first training should see both.
        await HttpBatches.SendAsync(client, "behaviour-events", demo.BehaviourEvents.Where(row => DayOf(row.OccurredAt) <= cut).ToList(), cancellationToken);
        await HttpBatches.SendAsync(client, "daily-metrics", demo.DailyMetrics.Where(row => row.Date <= cut).ToList(), cancellationToken);
        if (mode != "new-data")
        {
            (await client.PostAsync("/v1/models/forecast/train", null, cancellationToken)).EnsureSuccessStatusCode();
        }

        await JobQueue.DrainedAsync(dataSource, cancellationToken);
        Console.WriteLine($"live replay: loaded through {cut:yyyy-MM-dd}, then {ReplayDays} days ingested one morning at a time (the last judged as-of day is {lastDay.AddDays(-7):yyyy-MM-dd}); "
            + mode switch
            {
                "new-data" => "nobody trains: the new-data policy retrains after each day",
                "manual" => "train called after each day, by hand",
                _ => "retrained on drift only",
            });

        for (var day = cut.AddDays(1); day <= lastDay; day = day.AddDays(1))
        {
            foreach (var (advertiser, profile) in demo.Advertisers.Where(advertiser => firstSeen[advertiser.Key] == day))
            {
                (await client.PutAsJsonAsync($"/v1/advertisers/{advertiser}", new { name = profile.Name, profile = profile.Profile }, cancellationToken)).EnsureSuccessStatusCode();
            }

            var today = day;
            await HttpBatches.SendAsync(client, "behaviour-events", demo.BehaviourEvents.Where(row => DayOf(row.OccurredAt) == today).ToList(), cancellationToken);
            await HttpBatches.SendAsync(client, "daily-metrics", demo.DailyMetrics.Where(row => row.Date == today).ToList(), cancellationToken);
            if (manual)
            {
                (await client.PostAsync("/v1/models/forecast/train", null, cancellationToken)).EnsureSuccessStatusCode();
            }

            await JobQueue.DrainedAsync(dataSource, cancellationToken);
        }

        var accuracy = await client.GetFromJsonAsync<JsonElement>("/v1/accuracy", cancellationToken);
        Print("served (each day, the forecasts of the model that scored it last)", accuracy.GetProperty("tasks"));
        foreach (var model in accuracy.GetProperty("models").EnumerateArray())
        {
            Print($"model v{model.GetProperty("version").GetInt32()}, as of {model.GetProperty("from").GetString()} to {model.GetProperty("to").GetString()}", model.GetProperty("tasks"));
        }

        var models = (await client.GetFromJsonAsync<JsonElement>("/v1/models?kind=forecast", cancellationToken)).EnumerateArray().Reverse().ToList();
        Console.WriteLine();
        foreach (var model in models)
        {
            var drift = model.GetProperty("drift");
            var training = model.GetProperty("metrics").GetProperty("training");
            Console.WriteLine($"v{model.GetProperty("version").GetInt32()} {model.GetProperty("status").GetString(),-9} trained through {model.GetProperty("trainedThrough").GetString()}: "
                + $"{training.GetProperty("epochs").GetInt32()} epochs in {training.GetProperty("seconds").GetDouble():F1} s, {training.GetProperty("warmStartedParameters").GetInt32()} tensors warm-started"
                + (drift.ValueKind == JsonValueKind.Null ? "" : $"; drift on {drift.GetProperty("detectedOn").GetString()}: {drift.GetProperty("reason").GetString()}"));
        }

        var seconds = models.Skip(1).Select(model => model.GetProperty("metrics").GetProperty("training").GetProperty("seconds").GetDouble()).ToList();
        if (seconds.Count > 0)
        {
            Console.WriteLine($"retrainings: {seconds.Count}, forecast model training {seconds.Average():F1} s on average ({seconds.Min():F1}–{seconds.Max():F1})");
        }

        await using var queued = dataSource.CreateCommand(
            "SELECT count(*) FROM hangfire.job WHERE invocationdata ->> 'Type' LIKE 'Forecast.Jobs.Training.TrainForecastModelJob,%' AND arguments ->> 0 LIKE $1");
        queued.Parameters.Add(new NpgsqlParameter { Value = $"%{tenant.Id}%" });
        var succeeded = models.Count(model => model.GetProperty("status").GetString() is "Candidate" or "Champion" or "Retired");
        var failed = models.Count(model => model.GetProperty("status").GetString() == "Failed");
        Console.WriteLine($"trainings: {(long)(await queued.ExecuteScalarAsync(cancellationToken))!} queued, {succeeded} succeeded, {failed} failed");

        return 0;
    }

    private static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime);

    private static void Print(string title, JsonElement tasks)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"{"task",-12} {"pairs",6} {"SMAPE %",8} {"naive",8} {"NMAE",7} {"naive",7} {"80% cov",8} {"Brier",7} {"naive",7}");
        foreach (var task in tasks.EnumerateArray())
        {
            Console.WriteLine($"{task.GetProperty("task").GetString(),-12} {task.GetProperty("pairs").GetInt32(),6} {Figure(task, "smape", "F1"),8} {Figure(task, "naiveSmape", "F1"),8} "
                + $"{Figure(task, "nmae", "F3"),7} {Figure(task, "naiveNmae", "F3"),7} {Figure(task, "intervalCoverage", "F2"),8} {Figure(task, "brier", "F3"),7} {Figure(task, "naiveBrier", "F3"),7}");
        }
    }

    private static string Figure(JsonElement task, string name, string format) =>
        task.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble().ToString(format, CultureInfo.InvariantCulture) : "-";
}
