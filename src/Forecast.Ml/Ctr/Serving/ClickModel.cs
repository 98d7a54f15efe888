using System.Text.Json;
using System.Text.Json.Serialization;
using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Ctr.Evaluation;
using Forecast.Ml.Ctr.Model;
using Forecast.Ml.Ctr.Training;

namespace Forecast.Ml.Ctr.Serving;

/// <summary>
/// A trained CTR model ready to serve: calibrated click probabilities for observations given their advertisers'
/// delivery histories, saved to / loaded from one artifact (a zip of manifest.json and the TorchSharp weights).
/// </summary>
public sealed class ClickModel(ClickModelManifest manifest, CtrNetwork network) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public ClickModelManifest Manifest { get; } = manifest;

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
        return ClickTrainer.Predict(Network, Manifest.Schema.Encode(observations, histories).ToBatch());
    }

    public ClickScores Score(IReadOnlyList<AdObservation> observations, IReadOnlyList<DeliveryHistory> histories) =>
        ClickScoring.Of(observations, Predict(observations, histories));

    public void Save(Stream destination) => ModelArtifact.Save(destination, Manifest, Network, Json);

    public static ClickModel Load(Stream source)
    {
        var (manifest, network) = ModelArtifact.Load(source, Json, (ClickModelManifest manifest) =>
            manifest.FormatVersion == ClickModelManifest.CurrentFormat
                ? CtrNetwork.Create(manifest.Architecture, manifest.Schema.Dimensions, manifest.Config)
                : throw new InvalidDataException($"CTR model artifact format '{manifest.FormatVersion}' is not '{ClickModelManifest.CurrentFormat}'."));
        network.eval();
        return new ClickModel(manifest, network);
    }

    public void Dispose() => Network.Dispose();
}
