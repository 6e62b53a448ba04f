namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// POST /api/runs body. Omitted fields take defaults: architecture "smallcnn", epochs 8, imageSize 64, batchSize 32,
/// learningRate 0.002, seed 1, device "auto".
/// </summary>
public sealed record CreateRunRequest(
    int DatasetId,
    string? Architecture,
    int? Epochs,
    int? ImageSize,
    int? BatchSize,
    double? LearningRate,
    int? Seed,
    string? Device);
