namespace XaiLab.Web.Services.Runs;

/// <summary>
/// The full configuration of a run as stored in TrainingRun.ConfigJson and served as <c>config</c>. Enum-like fields use
/// API names: optimizer sgd/adam/adamw, schedule constant/time-decay/cosine, head gap/flatten.
/// </summary>
public sealed record RunConfig(
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
    string Device);
