namespace XaiLab.Engine.Imaging;

/// <summary>How a slice becomes a network input.</summary>
/// <param name="InputSize">Side of the square input; default 224 (the paper used 225).</param>
/// <param name="Channels">Channels of the input (the gray plane is replicated); default 1.</param>
/// <param name="Stats">Z-score statistics from the training split; default null (values stay in 0..1).</param>
public sealed record PreprocessingOptions(int InputSize = 224, int Channels = 1, NormalizationStats? Stats = null);
