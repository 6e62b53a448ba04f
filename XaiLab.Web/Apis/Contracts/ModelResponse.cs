namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// One architecture's Table 3 properties at an input configuration. When the input is below the architecture's minimum
/// the numbers are null, <see cref="Supported"/> is false and <see cref="Error"/> says why.
/// </summary>
public sealed record ModelResponse(
    string Architecture,
    bool Supported,
    string? Error,
    long? Parameters,
    long? TrainableParameters,
    double? SizeMb,
    int? Depth,
    int? WeightLayerDepth,
    long? Flops,
    int MinInputSize,
    long? EmbeddingLength);
