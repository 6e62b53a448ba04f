using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// Grad-CAM (Selvaraju et al. 2017) at the probe's last convolutional layer: channel weights are the spatial mean of
/// the target's gradient, the map is ReLU(sum_k w_k A_k), upsampled bilinearly (align_corners false) to the input size.
/// The map has one channel [1, H, W]. Unlike PAIR's GradCam it is not rescaled to [0, 1], so maps stay comparable across
/// inputs of one model. Not in the paper. API name "grad-cam".
/// </summary>
public sealed class GradCam : IAttributionMethod
{
    public string ApiName => "grad-cam";

    /// <summary>
    /// Apply the ReLU to the weighted sum. Default true, as the Grad-CAM paper and PAIR; false keeps the negative
    /// evidence too.
    /// </summary>
    public bool Relu { get; init; } = true;

    public AttributionMap Explain(
        IModelProbe probe,
        Tensor input,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        var height = input.shape[1];
        var width = input.shape[2];
        using var scope = NewDisposeScope();
        var (activations, gradients) = probe.LayerGradients(input.unsqueeze(0), [target]);
        var weights = gradients.mean([2, 3], keepdim: true);
        var cam = (weights * activations).sum([1], keepdim: true);
        if (Relu)
        {
            cam = nn.functional.relu(cam);
        }
        var upsampled = nn.functional.interpolate(cam, [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
        var values = upsampled.to_type(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        progress?.Report(1.0);
        return new AttributionMap(values, 1, (int)height, (int)width);
    }
}
