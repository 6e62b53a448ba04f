using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// One attribution (saliency) method. A method asks the probe for outputs and gradients and never touches the model.
/// </summary>
public interface IAttributionMethod
{
    /// <summary>The method's API name, e.g. "vanilla-gradient" (a contract: never renamed).</summary>
    string ApiName { get; }

    /// <summary>
    /// Explains the probe's output for <paramref name="target"/> at one preprocessed <paramref name="input"/> [C, H, W].
    /// Reports progress in 0..1 and honours cancellation between model calls. Leaves no live tensors behind.
    /// </summary>
    AttributionMap Explain(
        IModelProbe probe,
        Tensor input,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default);
}
