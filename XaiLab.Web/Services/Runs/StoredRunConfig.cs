using System.Text.Json;

namespace XaiLab.Web.Services.Runs;

/// <summary>
/// The JSON of <c>Runs.ConfigJson</c>: the storage format of a <see cref="RunConfig"/>, kept apart from the API's
/// <c>config</c> so either can change without the other. <see cref="Version"/> 1 is the first versioned shape; rows
/// written before it carry no version (read as 0) and have the same fields. Property names are the C# ones
/// (PascalCase), as the first rows were written.
/// </summary>
public sealed record StoredRunConfig(
    int Version,
    string? Preset,
    string Architecture,
    int Epochs,
    int ImageSize,
    int BatchSize,
    double LearningRate,
    string Optimizer,
    double Momentum,
    string Schedule,
    double Decay,
    double WeightDecay,
    bool Augment,
    bool ClassWeights,
    int? EarlyStoppingPatience,
    string Head,
    int Seed,
    string Device)
{
    /// <summary>The version this build writes.</summary>
    public const int CurrentVersion = 1;

    public static string Write(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return JsonSerializer.Serialize(new StoredRunConfig(CurrentVersion, config.Preset, config.Architecture, config.Epochs,
            config.ImageSize, config.BatchSize, config.LearningRate, config.Optimizer, config.Momentum, config.Schedule,
            config.Decay, config.WeightDecay, config.Augment, config.ClassWeights, config.EarlyStoppingPatience, config.Head,
            config.Seed, config.Device));
    }

    /// <summary>The config of a stored row, null for none (runs created before configs were stored).</summary>
    /// <exception cref="InvalidOperationException">A version newer than this build knows (a downgrade).</exception>
    public static RunConfig? Read(string? json)
    {
        if (json is null) return null;
        var stored = JsonSerializer.Deserialize<StoredRunConfig>(json)
            ?? throw new InvalidOperationException("A stored run config is the JSON null.");
        if (stored.Version > CurrentVersion)
        {
            throw new InvalidOperationException($"The run config was stored by a newer XaiLab (version {stored.Version}; this build reads up to {CurrentVersion}).");
        }
        return new RunConfig(stored.Preset, stored.Architecture, stored.Epochs, stored.ImageSize, stored.BatchSize,
            stored.LearningRate, stored.Optimizer, stored.Momentum, stored.Schedule, stored.Decay, stored.WeightDecay,
            stored.Augment, stored.ClassWeights, stored.EarlyStoppingPatience, stored.Head, stored.Seed, stored.Device);
    }
}
