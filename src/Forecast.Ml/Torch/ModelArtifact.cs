using System.IO.Compression;
using System.Text.Json;
using static TorchSharp.torch;

namespace Forecast.Ml.Torch;

/// <summary>
/// A trained model as one artifact: a zip of manifest.json (what rebuilding the network needs), weights.bin (its
/// TorchSharp state) and any further JSON parts a model carries besides its network (the forecast model's trees).
/// Forecast and CTR models share this layout; each checks its own format version.
/// </summary>
public static class ModelArtifact
{
    private const string ManifestEntry = "manifest.json";
    private const string WeightsEntry = "weights.bin";

    public static void Save<TManifest>(
        Stream destination, TManifest manifest, nn.Module network, JsonSerializerOptions json, IReadOnlyDictionary<string, object>? parts = null)
    {
        using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = archive.CreateEntry(ManifestEntry, CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(entry, manifest, json);
        }

        foreach (var (name, part) in parts ?? new Dictionary<string, object>())
        {
            using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
            JsonSerializer.Serialize(entry, part, part.GetType(), json);
        }

        using var weights = new BinaryWriter(archive.CreateEntry(WeightsEntry, CompressionLevel.NoCompression).Open());
        network.save(weights);
    }

    /// <summary>Reads the manifest, lets <paramref name="build"/> check it and create the untrained network, then loads the weights into it.</summary>
    public static (TManifest Manifest, TNetwork Network) Load<TManifest, TNetwork>(Stream source, JsonSerializerOptions json, Func<TManifest, TNetwork> build)
        where TNetwork : nn.Module
    {
        using var archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        TManifest manifest;
        using (var entry = Entry(archive, ManifestEntry).Open())
        {
            manifest = JsonSerializer.Deserialize<TManifest>(entry, json) ?? throw new InvalidDataException("The model artifact has an empty manifest.");
        }

        var network = build(manifest);
        using var weights = new BinaryReader(Entry(archive, WeightsEntry).Open());
        network.load(weights);
        return (manifest, network);
    }

    /// <summary>A JSON part saved beside the network; the stream must be seekable (artifacts are read from memory).</summary>
    public static TPart ReadPart<TPart>(Stream source, string name, JsonSerializerOptions json)
    {
        source.Position = 0;
        using var archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        using var entry = Entry(archive, name).Open();
        return JsonSerializer.Deserialize<TPart>(entry, json) ?? throw new InvalidDataException($"The model artifact has an empty {name}.");
    }

    private static ZipArchiveEntry Entry(ZipArchive archive, string name) =>
        archive.GetEntry(name) ?? throw new InvalidDataException($"The model artifact has no {name}.");
}
