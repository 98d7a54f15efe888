using Forecast.Domain.Common;

namespace Forecast.Domain.Registry;

/// <summary>
/// A model in a tenant's registry. The artifact is written together with the status that makes it usable, so a killed
/// run leaves at worst a row in Training or Failed, never a half-written candidate or champion. At most one model per
/// tenant and kind is champion (a unique partial index enforces it).
/// </summary>
public sealed class RegisteredModel
{
    private RegisteredModel(Guid tenantId, Guid id, string kind, string architecture, int version, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Id = id;
        Kind = kind;
        Architecture = architecture;
        Version = version;
        CreatedAt = createdAt;
    }

    public Guid TenantId { get; private set; }

    public Guid Id { get; private set; }

    public string Kind { get; private set; }

    /// <summary>The network inside: m2m-guarded for forecast models; lr, mlr, wide-deep, deepfm, din or pepnet for CTR.</summary>
    public string Architecture { get; private set; }

    /// <summary>1, 2, 3... per tenant and kind.</summary>
    public int Version { get; private set; }

    public ModelStatus Status { get; private set; } = ModelStatus.Training;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? PromotedAt { get; private set; }

    /// <summary>Last day of data the model learned from.</summary>
    public DateOnly? TrainedThrough { get; private set; }

    /// <summary>A hash of the rows it learned from: two models with the same fingerprint saw the same data.</summary>
    public string? DataFingerprint { get; private set; }

    /// <summary>Hyper-parameters as JSON.</summary>
    public string? HyperParameters { get; private set; }

    /// <summary>Backtest metrics against the champion and baselines, as JSON.</summary>
    public string? Metrics { get; private set; }

    public byte[]? Artifact { get; private set; }

    public string? Error { get; private set; }

    /// <summary>
    /// The last day of data on which the live accuracy of this champion was found drifting; null when never. Written by
    /// the accuracy monitoring with one UPDATE (loading the row would read the artifact).
    /// </summary>
    public DateOnly? DriftDetectedOn { get; private set; }

    /// <summary>What the drift rule saw, in words (live against validation, or naive ahead).</summary>
    public string? DriftReason { get; private set; }

    /// <summary>The retraining job that the drift queued.</summary>
    public string? DriftRetrainingJob { get; private set; }

    public static RegisteredModel StartTraining(Guid tenantId, string kind, string architecture, int version, DateTimeOffset now) =>
        new(tenantId, Guid.CreateVersion7(now), kind, architecture, version, now);

    public void Complete(byte[] artifact, DateOnly trainedThrough, string dataFingerprint, string hyperParameters, string metrics, DateTimeOffset now)
    {
        EnsureStatus(ModelStatus.Training, "complete");
        Artifact = artifact;
        TrainedThrough = trainedThrough;
        DataFingerprint = dataFingerprint;
        HyperParameters = hyperParameters;
        Metrics = metrics;
        CompletedAt = now;
        Status = ModelStatus.Candidate;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Error = error.Length > 2000 ? error[..2000] : error;
        CompletedAt = now;
        Status = ModelStatus.Failed;
    }

    public void Promote(DateTimeOffset now)
    {
        if (Status is not (ModelStatus.Candidate or ModelStatus.Retired))
        {
            throw DomainException.Conflict("Model cannot be promoted", $"Model {Id} is {Status}; only candidates and retired models can become champion.");
        }

        Status = ModelStatus.Champion;
        PromotedAt = now;
    }

    public void Retire()
    {
        EnsureStatus(ModelStatus.Champion, "retire");
        Status = ModelStatus.Retired;
    }

    private void EnsureStatus(ModelStatus expected, string action)
    {
        if (Status != expected)
        {
            throw DomainException.Conflict($"Model cannot {action}", $"Model {Id} is {Status}, not {expected}.");
        }
    }
}
