using System.IO.Compression;
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
        Array.ConvertAll(PredictUncalibrated(observations, histories), Manifest.Calibration.Apply);

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

    public void Save(Stream destination)
    {
        using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var manifestEntry = archive.CreateEntry("manifest.json", CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(manifestEntry, Manifest, Json);
        }

        using var weights = new BinaryWriter(archive.CreateEntry("weights.bin", CompressionLevel.NoCompression).Open());
        Network.save(weights);
    }

    public static ClickModel Load(Stream source)
    {
        using var archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        ClickModelManifest loaded;
        using (var stream = archive.GetEntry("manifest.json")!.Open())
        {
            loaded = JsonSerializer.Deserialize<ClickModelManifest>(stream, Json)
                ?? throw new InvalidDataException("The CTR model artifact has an empty manifest.");
        }

        if (loaded.FormatVersion != ClickModelManifest.CurrentFormat)
        {
            throw new InvalidDataException($"CTR model artifact format '{loaded.FormatVersion}' is not '{ClickModelManifest.CurrentFormat}'.");
        }

        var restored = CtrNetwork.Create(loaded.Architecture, loaded.Schema.Dimensions, loaded.Config);
        using var weights = new BinaryReader(archive.GetEntry("weights.bin")!.Open());
        restored.load(weights);
        restored.eval();
        return new ClickModel(loaded, restored);
    }

    public void Dispose() => Network.Dispose();
}
