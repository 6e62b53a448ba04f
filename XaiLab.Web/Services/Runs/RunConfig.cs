namespace XaiLab.Web.Services.Runs;

/// <summary>
/// The full configuration of a run, as the launch form and API ask for it and training reads it. Stored as
/// <see cref="StoredRunConfig"/>, served as <c>RunConfigResponse</c>. Enum-like fields use API names: optimizer
/// sgd/adam/adamw, schedule constant/time-decay/cosine, head gap/flatten.
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
