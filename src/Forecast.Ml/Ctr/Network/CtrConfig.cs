using System.Text.Json.Serialization;

namespace Forecast.Ml.Ctr.Network;

/// <summary>Hyper-parameters shared by the CTR networks (each uses the ones it has).</summary>
/// <param name="EmbeddingDimension">Width of every field embedding.</param>
/// <param name="Hidden">Widths of the deep towers' hidden layers.</param>
/// <param name="Dropout">Dropout after each hidden layer while training.</param>
/// <param name="MlrPieces">Pieces m of mixed logistic regression.</param>
/// <param name="GateGamma">γ of PEPNet's GateNU: gates scale by up to γ (γ = 2 keeps 1 as the neutral middle).</param>
/// <param name="EmbeddingWidths">Multi-Embedding Net's three embedding widths, narrow to wide.</param>
public sealed record CtrConfig(
    int EmbeddingDimension = 16,
    int[]? Hidden = null,
    double Dropout = 0.3,
    int MlrPieces = 12,
    double GateGamma = 2.0,
    int[]? EmbeddingWidths = null)
{
    [JsonIgnore]
    public int[] HiddenLayers => Hidden ?? [64, 32];

    [JsonIgnore]
    public int[] MultiEmbeddingWidths => EmbeddingWidths ?? [4, 16, 64];
}
