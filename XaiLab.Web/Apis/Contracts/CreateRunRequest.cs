namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// POST /api/runs body. Omitted fields take the preset's value, or without a preset the defaults: architecture
/// "smallcnn", epochs 8, imageSize 64, batchSize 32, learningRate 0.002, seed 1, device "auto", optimizer adamw,
/// weightDecay 1e-4, schedule constant, no augmentation, no class weights, no early stopping, head gap.
/// teamId, when given, must be the dataset's team (a run stays with its data).
/// A sweep: <c>architectures</c> x <c>seeds</c> makes one run per pair (they replace architecture and seed).
/// </summary>
public sealed record CreateRunRequest(
    int DatasetId,
    string? Architecture,
    int? Epochs,
    int? ImageSize,
    int? BatchSize,
    double? LearningRate,
    int? Seed,
    string? Device,
    string? Preset = null,
    string? Optimizer = null,
    string? Schedule = null,
    double? WeightDecay = null,
    double? Momentum = null,
    double? Decay = null,
    bool? Augment = null,
    bool? ClassWeights = null,
    int? EarlyStoppingPatience = null,
    string? Head = null,
    IReadOnlyList<string>? Tags = null,
    string? Notes = null,
    IReadOnlyList<string>? Architectures = null,
    IReadOnlyList<int>? Seeds = null,
    int? TeamId = null);
