using Forecast.Application.Accuracy;
using Forecast.Application.Forecasts;
using Forecast.Application.Registry;
using Forecast.Application.Webhooks;
using Forecast.Jobs.Accuracy;
using Forecast.Jobs.Hosting;
using Forecast.Jobs.Scoring;
using Forecast.Jobs.Training;
using Forecast.Jobs.Webhooks;
using Forecast.Ml.Ctr.Network;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;

namespace Forecast.Jobs;

public static class DependencyInjection
{
    public const string HangfireSchema = "hangfire";

    public const string DefaultQueue = "default";

    /// <summary>The queue of the training jobs (<c>[Queue]</c> on their methods), served by its own workers.</summary>
    public const string TrainingQueue = "training";

    /// <summary>
    /// Hangfire on the service's PostgreSQL (its own schema), the training and scoring jobs with their scheduler, the
    /// demo importer, and the demo tenant on start when enabled. Scoring needs the serving layer (<c>AddServing</c>).
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var jobs = configuration.GetSection(JobsOptions.Section);
        services.AddOptions<JobsOptions>().Bind(jobs)
            .Validate(options => CtrArchitectures.TryParseSelection(options.CtrArchitectures, out _),
                $"{JobsOptions.Section}:{nameof(JobsOptions.CtrArchitectures)} names an unknown CTR architecture; known: {string.Join(", ", CtrArchitectures.All.Select(CtrArchitectures.Name))}.")
            .ValidateOnStart();
        var connectionString = configuration.GetConnectionString("Forecast")
            ?? throw new InvalidOperationException("ConnectionStrings:Forecast is not set.");
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = HangfireSchema,
            PrepareSchemaIfNecessary = true,
            // A re-scoring queued by an ingestion waits for the next poll, and until it has run the tenant's
            // forecasts are computed online: at Hangfire's default the wait was most of the freshness lag. A poll is
            // one indexed query per worker.
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = jobs.GetValue(nameof(JobsOptions.AbandonedJobTimeout), new JobsOptions().AbandonedJobTimeout),
            DistributedLockTimeout = jobs.GetValue(nameof(JobsOptions.AbandonedLockTimeout), new JobsOptions().AbandonedLockTimeout),
        };
        // The host's own storage, resolved by its job client, servers and monitoring: left to AddHangfire, each host
        // reads the global JobStorage.Current, which is whichever host configured Hangfire last, and several hosts in
        // one process (the API tests' fixtures) enqueued into each other's databases.
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>()));
        if (jobs.GetValue(nameof(JobsOptions.RunServer), true))
        {
            // The activator of this host's own services: Hangfire's global one belongs to whichever host configured it
            // last, and several hosts in one process (the API tests) would run jobs in a disposed host's services.
            // Two servers: trainings on their own workers, so scoring after an ingestion never waits behind a training,
            // and several tenants train side by side.
            services.AddHangfireServer((provider, server) =>
            {
                server.WorkerCount = Math.Max(1, jobs.GetValue(nameof(JobsOptions.WorkerCount), 1));
                server.Queues = [DefaultQueue];
                server.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
            });
            services.AddHangfireServer((provider, server) =>
            {
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:training";
                server.WorkerCount = Math.Max(1, jobs.GetValue(nameof(JobsOptions.TrainingWorkerCount), new JobsOptions().TrainingWorkerCount));
                server.Queues = [TrainingQueue];
                server.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
            });
        }

        services.AddScoped<TrainForecastModelJob>();
        services.AddScoped<ScoreForecastsJob>();
        services.AddScoped<NewDataRetraining>();
        services.AddScoped<ChurnRiskAlerts>();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(webhooks => webhooks.HasValidDelays(), $"{WebhookOptions.Section}:{nameof(WebhookOptions.RetryDelays)} must be comma-separated time spans such as 00:00:10,00:01:00.")
            .ValidateOnStart();
        // Redirects are not followed: a delivery goes to the URL the tenant registered, nowhere else.
        services.AddHttpClient(DeliverWebhookJob.HttpClientName).ConfigurePrimaryHttpMessageHandler(provider =>
        {
            var allowPrivateNetworks = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks;
            return new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = (context, cancellationToken) => WebhookAddresses.ConnectAsync(context.DnsEndPoint, allowPrivateNetworks, cancellationToken),
            };
        });
        services.AddScoped<DeliverWebhookJob>();
        services.AddSingleton<IWebhookPublisher, HangfireWebhookPublisher>();
        services.AddScoped<ForecastAccuracyMonitor>();
        services.Configure<AccuracyOptions>(configuration.GetSection(AccuracyOptions.Section));
        services.AddScoped<PruneModelsJob>();
        services.AddScoped<TrainCtrJob>();
        services.AddSingleton<ITrainingScheduler, HangfireTrainingScheduler>();
        services.AddSingleton<IForecastRefresher, HangfireForecastRefresher>();

        return services;
    }
}
