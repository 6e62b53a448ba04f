using XaiLab.Engine.Models;
using XaiLab.Engine.Runtime;
using XaiLab.Engine.Training;
using XaiLab.Web.Apis.Contracts;

namespace XaiLab.Web.Services.Runs;

/// <summary>
/// Turns a launch request into validated <see cref="RunConfig"/>s (one per architecture x seed of a sweep) and a stored
/// config back into engine options. Explicit fields override the preset; without a preset the foundation's defaults
/// (<see cref="RunDefaults"/>) and the engine's <see cref="TrainingOptions"/> defaults apply.
/// </summary>
public static class RunConfigFactory
{
    private static readonly Dictionary<string, OptimizerKind> Optimizers = new()
    {
        ["sgd"] = OptimizerKind.Sgd, ["adam"] = OptimizerKind.Adam, ["adamw"] = OptimizerKind.AdamW,
    };

    private static readonly Dictionary<string, LearningRateScheduleKind> Schedules = new()
    {
        ["constant"] = LearningRateScheduleKind.Constant,
        ["time-decay"] = LearningRateScheduleKind.TimeBasedDecay,
        ["cosine"] = LearningRateScheduleKind.Cosine,
    };

    private static readonly Dictionary<string, HeadKind> Heads = new()
    {
        ["gap"] = HeadKind.GlobalAveragePool, ["flatten"] = HeadKind.Flatten,
    };

    /// <summary>One config per (architecture, seed) pair, architecture-major.</summary>
    /// <exception cref="RequestValidationException">With a message naming the bad field.</exception>
    /// <param name="cudaAvailable">Whether a live worker computes on CUDA (device "cuda" is refused otherwise).</param>
    public static IReadOnlyList<RunConfig> Create(CreateRunRequest request, bool cudaAvailable = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        TrainingPreset? preset = null;
        if (request.Preset is { } presetName && !TrainingPresets.All.TryGetValue(presetName.Trim().ToLowerInvariant(), out preset))
        {
            throw new RequestValidationException($"Unknown preset '{presetName}'. Valid: {string.Join(", ", TrainingPresets.All.Keys)}.");
        }
        var baseOptions = preset?.Training ?? new TrainingOptions();
        var architectures = request.Architectures is { Count: > 0 } many ? many : [request.Architecture ?? RunDefaults.Architecture];
        var seeds = request.Seeds is { Count: > 0 } seedList ? seedList : [request.Seed ?? RunDefaults.Seed];
        if (architectures.Count * seeds.Count > 100)
        {
            throw new RequestValidationException("A sweep may create at most 100 runs.");
        }
        var architectureNames = architectures.Select(name => ArchitectureNames.TryParse(name, out var parsed)
            ? parsed.ToApiName()
            : throw new RequestValidationException(
                $"Unknown architecture '{name}'. Valid: {string.Join(", ", ArchitectureNames.All.Values)}.")).Distinct().ToList();

        var optimizer = Parse(request.Optimizer, Optimizers, "optimizer", Name(Optimizers, baseOptions.Optimizer));
        var schedule = Parse(request.Schedule, Schedules, "schedule", Name(Schedules, baseOptions.Schedule));
        var head = Parse(request.Head, Heads, "head", Name(Heads, preset?.Head ?? HeadKind.GlobalAveragePool));
        var epochs = request.Epochs ?? (preset is null ? RunDefaults.Epochs : baseOptions.Epochs);
        var imageSize = request.ImageSize ?? preset?.ImageSize ?? RunDefaults.ImageSize;
        var batchSize = request.BatchSize ?? (preset is null ? RunDefaults.BatchSize : baseOptions.BatchSize);
        var learningRate = request.LearningRate ?? (preset is null ? RunDefaults.LearningRate : baseOptions.LearningRate);
        var momentum = request.Momentum ?? baseOptions.Momentum;
        var decay = request.Decay ?? baseOptions.Decay;
        var weightDecay = request.WeightDecay ?? baseOptions.WeightDecay;
        var augment = request.Augment ?? baseOptions.Augmentation is { Enabled: true };
        var classWeights = request.ClassWeights ?? baseOptions.ClassWeighting;
        var patience = request.EarlyStoppingPatience ?? baseOptions.EarlyStoppingPatience;
        var device = (request.Device ?? RunDefaults.Device).Trim().ToLowerInvariant();

        if (epochs is < 1 or > 1000) throw new RequestValidationException("epochs must be between 1 and 1000.");
        if (imageSize is < 16 or > 1024) throw new RequestValidationException("imageSize must be between 16 and 1024.");
        if (batchSize is < 1 or > 4096) throw new RequestValidationException("batchSize must be between 1 and 4096.");
        if (learningRate is <= 0 or > 10 || double.IsNaN(learningRate)) throw new RequestValidationException("learningRate must be in (0, 10].");
        if (momentum is < 0 or >= 1 || double.IsNaN(momentum)) throw new RequestValidationException("momentum must be in [0, 1).");
        if (decay is < 0 or > 1 || double.IsNaN(decay)) throw new RequestValidationException("decay must be in [0, 1].");
        if (weightDecay is < 0 or > 1 || double.IsNaN(weightDecay)) throw new RequestValidationException("weightDecay must be in [0, 1].");
        if (patience is < 1 or > 1000) throw new RequestValidationException("earlyStoppingPatience must be between 1 and 1000.");
        if (device is not ("auto" or "cpu" or "cuda")) throw new RequestValidationException("device must be auto, cpu or cuda.");
        if (device == "cuda" && !cudaAvailable) throw new RequestValidationException("device cuda was asked for, but no live worker has a CUDA device.", conflict: true);

        return architectureNames
            .SelectMany(architecture => seeds.Distinct().Select(seed => new RunConfig(preset?.Name, architecture, epochs, imageSize,
                batchSize, learningRate, optimizer, momentum, schedule, decay, weightDecay, augment, classWeights, patience, head,
                seed, device)))
            .ToList();
    }

    /// <summary>The engine options of a stored config.</summary>
    public static TrainingOptions ToTrainingOptions(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new TrainingOptions(config.Epochs, config.BatchSize, config.LearningRate, config.WeightDecay,
            Optimizers[config.Optimizer], config.Momentum, config.Seed, config.Device, Schedules[config.Schedule], config.Decay,
            config.Augment ? AugmentationOptions.Default : null, config.ClassWeights, config.EarlyStoppingPatience);
    }

    /// <summary>The head of a stored config.</summary>
    public static HeadKind ToHead(RunConfig config) => Heads[config.Head];

    /// <summary>The API name of a head: gap or flatten.</summary>
    public static string HeadName(HeadKind head) => Name(Heads, head);

    private static string Parse<T>(string? value, Dictionary<string, T> names, string field, string fallback)
    {
        if (value is null)
        {
            return fallback;
        }
        var key = value.Trim().ToLowerInvariant();
        return names.ContainsKey(key)
            ? key
            : throw new RequestValidationException($"Unknown {field} '{value}'. Valid: {string.Join(", ", names.Keys)}.");
    }

    private static string Name<T>(Dictionary<string, T> names, T value) where T : struct =>
        names.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;
}
