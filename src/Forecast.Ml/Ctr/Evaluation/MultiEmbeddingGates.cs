using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Ctr.Inference;
using Forecast.Ml.Ctr.Network;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Evaluation;

/// <summary>How a trained Multi-Embedding Net mixes its three embedding widths for each task (scenario): the mean gate of its rows.</summary>
public static class MultiEmbeddingGates
{
    public static IReadOnlyDictionary<string, double[]> PerScenario(CtrModel model, IReadOnlyList<AdObservation> rows, IReadOnlyList<DeliveryHistory> histories)
    {
        var network = model.Network as MultiEmbeddingNet
            ?? throw new ArgumentException($"The model is a {model.Manifest.Architecture.Name()}, not a multi-embedding network.", nameof(model));
        network.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var batch = model.Manifest.Schema.Encode(rows, histories).ToBatch();
        var gates = network.GateWeights(batch).to_type(ScalarType.Float64);
        var width = (int)gates.shape[1];
        var values = gates.data<double>().ToArray();
        return Enumerable.Range(0, rows.Count).GroupBy(row => rows[row].Scenario).OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => Enumerable.Range(0, width).Select(expert => group.Average(row => values[(row * width) + expert])).ToArray());
    }
}
