namespace XaiLab.Engine.Models;

/// <summary>Size and cost of a network built from a <see cref="ModelSpec"/>, comparable to Keras Applications' table.</summary>
/// <param name="Architecture">API name ("resnet50", ...).</param>
/// <param name="Parameters">
/// Keras's "total params": trainable parameters plus batch-norm moving mean and variance (Keras counts these as
/// non-trainable weights; PyTorch keeps them as buffers).
/// </param>
/// <param name="TrainableParameters">Parameters updated by the optimiser (PyTorch's parameter count).</param>
/// <param name="SizeMb">
/// float32 size of <paramref name="Parameters"/> in MiB (bytes / 2^20), which is how Keras's "Size (MB)" column comes
/// out (VGG16: 528).
/// </param>
/// <param name="Depth">
/// Layers with weights, as Keras's "Depth" column counts them: convolutions, dense layers and batch norms; a separable
/// convolution (depthwise + pointwise) is one layer. Keras's EfficientNet counts its input normalisation layer too (132
/// against 131 here).
/// </param>
/// <param name="WeightLayerDepth">Convolutions and dense layers only (VGG16: 16), separable convolutions once.</param>
/// <param name="Flops">
/// 2 x multiply-accumulates of all convolutions and dense layers for one image at the spec's input size; batch norm,
/// activations, pooling and additions are not counted.
/// </param>
/// <param name="MinInputSize">Smallest square input side the architecture accepts.</param>
/// <param name="FeatureMapChannels">Channels of <see cref="ClassifierModel.ForwardFeatureMap"/>.</param>
/// <param name="FeatureMapSide">Side of the feature map at the spec's input size.</param>
/// <param name="EmbeddingLength">Length of <see cref="ClassifierModel.Embed"/>.</param>
public sealed record ModelProperties(
    string Architecture,
    long Parameters,
    long TrainableParameters,
    double SizeMb,
    int Depth,
    int WeightLayerDepth,
    long Flops,
    int MinInputSize,
    long FeatureMapChannels,
    long FeatureMapSide,
    long EmbeddingLength);
