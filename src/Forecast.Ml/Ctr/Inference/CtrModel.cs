using System.Text.Json;
using System.Text.Json.Serialization;
using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Ctr.Evaluation;
using Forecast.Ml.Ctr.Network;
using Forecast.Ml.Ctr.Training;
using Forecast.Ml.Torch;

namespace Forecast.Ml.Ctr.Inference;

/// <summary>
/// A trained CTR model ready to serve: calibrated click probabilities for observations given their advertisers'
/// delivery histories, saved to / loaded from one artifact (a zip of manifest.json and the TorchSharp weights).
/// </summary>
public sealed class CtrModel(CtrModelManifest manifest, CtrNetwork network) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public CtrModelManifest Manifest { get; } = manifest;

    public CtrNetwork Network { get; } = network;

    /// <summary>Calibrated click probabilities. Synchronous: tensor work stays on one thread.</summary>
    public double[] Predict(IReadOnlyList<AdObservation> observations, IReadOnlyList<DeliveryHistory> histories) =>
        Manifest.Calibration.Apply(observations, PredictUncalibrated(observations, histories));

    public double[] PredictUncalibrated(IReadOnlyList<AdObservation> observations, IReadOnlyList<DeliveryHistory> histories)
    {
        if (observations.Count == 0)
        {
            return [];
        }

        using var scope = TorchSharp.torch.NewDisposeScope();
        return CtrTrainer.Predict(Network, Manifest.Schema.Encode(observations, histories).ToBatch());
    }

    public CtrScores Score(IReadOnlyList<AdObservation> observations, IReadOnlyList<DeliveryHistory> histories) =>
        CtrScoring.Of(observations, Predict(observations, histories));

    public void Save(Stream destination) => ModelArtifact.Save(destination, Manifest, Network, Json);

    public static CtrModel Load(Stream source)
    {
        var (manifest, network) = ModelArtifact.Load(source, Json, (CtrModelManifest manifest) =>
            manifest.FormatVersion == CtrModelManifest.CurrentFormat
                ? CtrNetwork.Create(manifest.Architecture, manifest.Schema.Dimensions, manifest.Config)
                : throw new InvalidDataException($"CTR model artifact format '{manifest.FormatVersion}' is not '{CtrModelManifest.CurrentFormat}'."));
        network.eval();
        return new CtrModel(manifest, network);
    }

    public void Dispose() => Network.Dispose();
}
