using System.Text.Json;
using XaiLab.Engine.Models;

namespace XaiLab.Engine.Training;

/// <summary>
/// Saves and loads trained weights: the TorchSharp state dict in <c>path</c> and a JSON sidecar <c>path + ".json"</c>
/// with the <see cref="ModelSpec"/>, checked on load so weights never go into a network of another shape.
/// </summary>
public static class ModelCheckpoint
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Writes the model's state dict to <paramref name="path"/> and its spec to the sidecar.</summary>
    public static void Save(ClassifierModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        model.save(path);
        File.WriteAllText(SidecarPath(path), JsonSerializer.Serialize(Sidecar.From(model.Spec), JsonOptions));
    }

    /// <summary>Loads weights saved by <see cref="Save"/> into <paramref name="model"/>, whose spec must match.</summary>
    public static void Load(ClassifierModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var sidecarPath = SidecarPath(path);
        if (!File.Exists(sidecarPath))
        {
            throw new FileNotFoundException("The checkpoint's spec sidecar is missing.", sidecarPath);
        }
        var saved = JsonSerializer.Deserialize<Sidecar>(File.ReadAllText(sidecarPath))
            ?? throw new InvalidDataException($"{sidecarPath} is empty.");
        var expected = Sidecar.From(model.Spec);
        if (saved != expected)
        {
            throw new InvalidOperationException($"The checkpoint was saved from {saved}; the model is {expected}.");
        }
        model.load(path);
    }

    /// <summary>The sidecar file of a checkpoint path.</summary>
    public static string SidecarPath(string path) => path + ".json";

    private sealed record Sidecar(string Architecture, int InputChannels, int Classes, int InputSize, string Head)
    {
        public static Sidecar From(ModelSpec spec) => new(
            spec.Architecture.ToApiName(), spec.InputChannels, spec.Classes, spec.InputSize, spec.Head.ToString());
    }
}
