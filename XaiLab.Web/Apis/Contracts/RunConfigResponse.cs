using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// The <c>config</c> of a run response: the run's full configuration. Enum-like fields use API names: optimizer
/// sgd/adam/adamw, schedule constant/time-decay/cosine, head gap/flatten.
/// </summary>
public sealed record RunConfigResponse(
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
    public static RunConfigResponse From(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RunConfigResponse(config.Preset, config.Architecture, config.Epochs, config.ImageSize, config.BatchSize,
            config.LearningRate, config.Optimizer, config.Momentum, config.Schedule, config.Decay, config.WeightDecay,
            config.Augment, config.ClassWeights, config.EarlyStoppingPatience, config.Head, config.Seed, config.Device);
    }
}
