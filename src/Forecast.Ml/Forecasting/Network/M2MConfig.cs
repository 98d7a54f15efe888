namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// M2M hyper-parameters. Defaults follow the paper's findings (scenario embedding 64, shallow meta units) scaled to
/// small tenants; the flags switch off components for the ablations.
/// </summary>
public sealed record M2MConfig(
    int SequenceDimension = 32,
    int Heads = 2,
    int Experts = 4,
    int ExpertDimension = 32,
    int TaskDimension = 16,
    int ScenarioDimension = 64,
    int AttributeEmbedding = 8,
    int AttentionHidden = 32,
    int TowerLayers = 1,
    double Dropout = 0.1,
    bool UseTransformer = true,
    bool UseMetaAttention = true,
    bool UseMetaTower = true);
