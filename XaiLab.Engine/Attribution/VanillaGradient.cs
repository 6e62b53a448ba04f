using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// Vanilla gradient (Simonyan et al. 2014): the gradient of the explained output of the target with respect to the
/// input pixels, d p_c / d x with the probe's default output. Signed; displays take its absolute value.
/// </summary>
public sealed class VanillaGradient : IAttributionMethod
{
    /// <inheritdoc />
    public string ApiName => "vanilla-gradient";

    /// <inheritdoc />
    public AttributionMap Explain(
        IModelProbe probe,
        Tensor input,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        AttributionInputs.CheckShape(input);
        cancellationToken.ThrowIfCancellationRequested();
        float[] values;
        using (NewDisposeScope())
        {
            var batch = input.unsqueeze(0);
            values = AttributionInputs.ToArray(probe.InputGradients(batch, [target]));
        }
        progress?.Report(1.0);
        return new AttributionMap(values, (int)input.shape[0], (int)input.shape[1], (int)input.shape[2]);
    }
}
