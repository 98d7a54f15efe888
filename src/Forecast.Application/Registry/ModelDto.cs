using System.Linq.Expressions;
using System.Text.Json;
using Forecast.Domain.Registry;

namespace Forecast.Application.Registry;

/// <summary>A registered model, without its artifact.</summary>
/// <param name="Id">Model id.</param>
/// <param name="Kind">Model kind: forecast or ctr (click-through rates for bids).</param>
/// <param name="Architecture">
/// m2m-guarded (M2M, LightGBM trees and the statistical baselines, each task served by whichever was best on recent
/// validation); lr, mlr, wide-deep, deepfm, din or pepnet for ctr.
/// </param>
/// <param name="Version">Version per tenant and kind.</param>
/// <param name="Status">Training, Candidate, Champion, Retired or Failed.</param>
/// <param name="CreatedAt">When training started.</param>
/// <param name="CompletedAt">When training ended.</param>
/// <param name="PromotedAt">When it last became champion.</param>
/// <param name="TrainedThrough">Last day of data it learned from.</param>
/// <param name="DataFingerprint">Hash of the rows it learned from.</param>
/// <param name="HyperParameters">Model and training settings.</param>
/// <param name="Metrics">
/// Validation scores of this model and of the champion it was compared with; for forecast models also every forecaster's scores per
/// task, which one serves each task, scenario and activity segment, the intervals and the churn source.
/// </param>
/// <param name="Error">Why training failed, when it did.</param>
/// <param name="Drift">Forecast champions: the last time its live accuracy drifted, why, and the retraining it queued.</param>
public sealed record ModelDto(
    Guid Id,
    string Kind,
    string Architecture,
    int Version,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? PromotedAt,
    DateOnly? TrainedThrough,
    string? DataFingerprint,
    JsonElement? HyperParameters,
    JsonElement? Metrics,
    string? Error,
    ModelDriftDto? Drift)
{
    /// <summary>
    /// The projection queries use: it names every column but the artifact, so listing models never reads the weights.
    /// </summary>
    public static readonly Expression<Func<RegisteredModel, ModelDto>> Projection = model => new ModelDto(
        model.Id,
        model.Kind,
        model.Architecture,
        model.Version,
        model.Status.ToString(),
        model.CreatedAt,
        model.CompletedAt,
        model.PromotedAt,
        model.TrainedThrough,
        model.DataFingerprint,
        Parse(model.HyperParameters),
        Parse(model.Metrics),
        model.Error,
        model.DriftDetectedOn == null ? null : new ModelDriftDto(model.DriftDetectedOn.Value, model.DriftReason!, model.DriftRetrainingJob!));

    private static readonly Func<RegisteredModel, ModelDto> Compiled = Projection.Compile();

    public static ModelDto From(RegisteredModel model) => Compiled(model);

    public static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

/// <summary>Drift found in a champion's live accuracy.</summary>
/// <param name="DetectedOn">The tenant's latest day of data when it was found.</param>
/// <param name="Reason">What the drift rule saw: live SMAPE against validation, or the seasonal naive ahead.</param>
/// <param name="RetrainingJob">The training job it queued (<c>GET /v1/jobs/{id}</c>).</param>
public sealed record ModelDriftDto(DateOnly DetectedOn, string Reason, string RetrainingJob);
