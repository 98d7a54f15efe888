namespace Forecast.Jobs.Hosting;

/// <summary>Background job settings (section Forecast:Jobs).</summary>
public sealed class JobsOptions
{
    public const string Section = "Forecast:Jobs";

    /// <summary>Run a Hangfire server in this process (the API's embedded mode); standalone workers always do.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Concurrent scoring, accuracy and housekeeping jobs per server (never held behind a training).</summary>
    public int WorkerCount { get; set; } = 1;

    /// <summary>
    /// Trainings per server, side by side, each of its own tenant (a tenant's runs take turns on its lock): a small
    /// tenant's training starts while a large one's runs. Each uses <c>Forecast:TorchThreads</c> threads (default 1).
    /// </summary>
    public int TrainingWorkerCount { get; set; } = 2;

    /// <summary>Most epochs of a training run (early stopping usually ends it sooner).</summary>
    public int TrainingMaxEpochs { get; set; } = 60;

    /// <summary>
    /// Start each M2M training from the champion's weights where they fit (a retraining then mostly follows what changed
    /// since); off, every training starts from a seeded random initialisation. On by default: replayed daily on the
    /// shipped data it served as accurately as cold starts in 36% fewer epochs (docs/decisions/010).
    /// </summary>
    public bool WarmStart { get; set; } = true;

    /// <summary>Most epochs of each CTR architecture in a training run.</summary>
    public int CtrTrainingMaxEpochs { get; set; } = 40;

    /// <summary>
    /// The CTR architectures a training run trains, by name, comma-separated (<c>star,pepnet</c>); empty trains all of them.
    /// The historical-CTR lookup is always trained: the baseline a network must beat to become champion.
    /// </summary>
    public string CtrArchitectures { get; set; } = "";

    /// <summary>
    /// How long a job fetched by a worker that stopped heart-beating stays invisible before another worker takes it over
    /// (Hangfire.PostgreSql's sliding invisibility timeout: live workers extend it every fifth of it, however long a job
    /// runs, so it can be short). A run's own lock dies with its process (<c>ITenantRunLock</c>): this is the takeover time.
    /// </summary>
    public TimeSpan AbandonedJobTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one of Hangfire's own distributed locks (recurring-job scheduling) outlives a worker that died holding it.</summary>
    public TimeSpan AbandonedLockTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When each tenant's CTR models are retrained (cron, UTC): nightly by default. The forecast model follows the tenant's retraining policy.</summary>
    public string CtrRetrainCron { get; set; } = "0 2 * * *";

    /// <summary>When each tenant's old models are pruned (cron, UTC).</summary>
    public string PruneCron { get; set; } = "0 4 * * *";
}
