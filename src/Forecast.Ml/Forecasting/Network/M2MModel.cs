using Forecast.Ml.Forecasting.ManagedForward;
using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// M2M ("Leaving No One Behind", WSDM 2022): transformer encoders over the behaviour and performance sequences,
/// concatenated with dense and categorical features into k experts; meta attention weighs the experts per task with
/// scenario-generated weights; a meta tower refines each task's representation; λ_t = exp(head_t(R_t) + offset_t),
/// and a hurdle head gives P(y_t = 0).
/// </summary>
public sealed class M2MModel : RateModel
{
    private readonly SequenceEncoder _performance;
    private readonly SequenceEncoder _behaviour;
    private readonly CategoricalEmbeddings _scenarioAttributes;
    private readonly CategoricalEmbeddings _advertiserAttributes;
    private readonly ExpertLayer _experts;
    private readonly TaskEmbedding _tasks;
    private readonly ScenarioKnowledge _knowledge;
    private readonly MetaAttention _attention;
    private readonly MetaTower? _tower;
    private readonly TaskHeads _heads;
    private readonly ZeroHeads _zeroHeads;
    private readonly int _taskCount;
    private readonly ModelDimensions _dimensions;

    public M2MModel(ModelDimensions dimensions, M2MConfig config) : base(nameof(M2MModel))
    {
        _dimensions = dimensions;
        _performance = new SequenceEncoder(dimensions.PerformanceChannels, dimensions.HistoryDays, config.SequenceDimension, config.Heads, config.UseTransformer);
        _behaviour = new SequenceEncoder(Math.Max(1, dimensions.BehaviourFeatures), dimensions.HistoryDays, config.SequenceDimension, config.Heads, config.UseTransformer);
        _scenarioAttributes = new CategoricalEmbeddings(dimensions.ScenarioCardinalities, config.AttributeEmbedding);
        _advertiserAttributes = new CategoricalEmbeddings(dimensions.AdvertiserCardinalities, config.AttributeEmbedding);
        var categorical = _scenarioAttributes.OutputSize + _advertiserAttributes.OutputSize;
        _experts = new ExpertLayer((2 * config.SequenceDimension) + dimensions.DenseFeatures + categorical, config.Experts, config.ExpertDimension, config.Dropout);
        _taskCount = dimensions.Tasks;
        _tasks = new TaskEmbedding(dimensions.Tasks, config.TaskDimension);
        _knowledge = new ScenarioKnowledge(categorical, config.ScenarioDimension);
        _attention = new MetaAttention(config.ExpertDimension, config.TaskDimension, config.ScenarioDimension, config.AttentionHidden, config.UseMetaAttention);
        if (config.UseMetaTower)
        {
            _tower = new MetaTower(config.ExpertDimension, config.ScenarioDimension, config.TowerLayers);
        }

        _heads = new TaskHeads(dimensions.Tasks, config.ExpertDimension);
        _zeroHeads = new ZeroHeads(dimensions.Tasks, config.ExpertDimension);
        RegisterComponents();
    }

    public override RateOutput forward(ForecastBatch batch)
    {
        var scenario = _scenarioAttributes.forward(batch.ScenarioCodes);
        var advertiser = _advertiserAttributes.forward(batch.AdvertiserCodes);
        var features = cat(
            [
                _performance.forward(batch.Performance),
                _behaviour.forward(BehaviourOrPlaceholder(batch.Behaviour)),
                batch.Dense,
                scenario,
                advertiser,
            ],
            1); // F: [B, 2·d + dense + categorical]
        var experts = _experts.forward(features); // [B, k, d_e]
        var knowledge = _knowledge.forward(cat([scenario, advertiser], 1)); // S̃: [B, d_s]
        var (representation, attention) = _attention.forward(experts, _tasks.forward(SafeArithmetic.Rows(0, _taskCount)), knowledge); // [B, m, d_e]
        if (_tower is not null)
        {
            representation = _tower.forward(representation, knowledge);
        }

        return new RateOutput(_heads.forward(representation).Plus(batch.Offset), _zeroHeads.forward(representation, batch.Offset), attention);
    }

    /// <summary>
    /// This network's evaluation forward pass in managed code, on copies of its current weights; null for the ablations it
    /// does not cover (no transformer, static attention).
    /// </summary>
    public ManagedM2M? ToManaged()
    {
        using var scope = NewDisposeScope(); // the copies' detached and transposed views
        if (_performance.Rows() is not { } performance || _behaviour.Rows() is not { } behaviour || _attention.Rows() is not { } attention)
        {
            return null;
        }

        return new ManagedM2M(
            _dimensions,
            (performance, behaviour),
            (_scenarioAttributes.Rows(), _advertiserAttributes.Rows()),
            _experts.Rows(),
            Weights.Computed(() => _tasks.forward(SafeArithmetic.Rows(0, _taskCount))),
            _knowledge.Rows(),
            attention,
            _tower?.Rows(),
            _heads.Rows(),
            _zeroHeads.Rows());
    }

    private static Tensor BehaviourOrPlaceholder(Tensor behaviour) =>
        behaviour.shape[2] == 0 ? zeros(behaviour.shape[0], behaviour.shape[1], 1) : behaviour;
}
