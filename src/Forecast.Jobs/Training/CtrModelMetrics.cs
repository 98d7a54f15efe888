using System.Text.Json.Serialization;
using Forecast.Ml.Ctr.Evaluation;
using Forecast.Ml.Ctr.Network;
using Forecast.Ml.Ctr.Training;

namespace Forecast.Jobs.Training;

/// <summary>
/// What the registry shows of a trained CTR model (<c>metrics</c> of <c>GET /v1/models/{id}</c>): its validation scores,
/// calibration and training, whether it was the run's best and the champion it was compared with; a Multi-Embedding Net
/// adds its gates per task (scenario) on the validation rows.
/// </summary>
internal sealed record CtrModelMetrics(
    CtrScores Validation,
    ScenarioCalibration Calibration,
    CtrTrainingReport Training,
    bool BestOfRun,
    double? ChampionValidationLogLoss,
    Guid? ChampionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EmbeddingGates? EmbeddingGates)
{
    public static CtrModelMetrics Of(TrainedCtrModel trained, CtrModelSuite.Result suite, CtrChampionGate gate) => new(
        trained.Validation,
        trained.Model.Manifest.Calibration,
        trained.Report,
        ReferenceEquals(trained, suite.Best),
        gate.ChampionLogLoss,
        gate.ChampionId,
        trained.Model.Network is MultiEmbeddingNet
            ? new EmbeddingGates(trained.Model.Manifest.Config.MultiEmbeddingWidths, MultiEmbeddingGates.PerScenario(trained.Model, suite.Validation.Rows, suite.Validation.Histories))
            : null);
}

/// <summary>Multi-Embedding Net's mean gate over its embedding widths, per scenario.</summary>
internal sealed record EmbeddingGates(int[] Widths, IReadOnlyDictionary<string, double[]> PerScenario);
