using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// Vanilla gradient (Simonyan et al. 2014): the gradient of the explained output of the target with respect to the
/// input pixels, d p_c / d x with the probe's default output. Signed; displays take its absolute value.
/// </summary>
public sealed class VanillaGradient : IBatchAttributionMethod
{
    /// <inheritdoc />
    public string ApiName => "vanilla-gradient";

    /// <summary>
    /// Inputs per model call when several are explained together (SmoothGrad's noisy samples). Default
    /// <see cref="AttributionOptions.DefaultInternalBatchSize"/>; the maps do not depend on it.
    /// </summary>
    public int InternalBatchSize { get; init; } = AttributionOptions.DefaultInternalBatchSize;

    /// <inheritdoc />
    public AttributionMap Explain(
        IModelProbe probe,
        Tensor input,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
        => AttributionInputs.ExplainOne(this, probe, input, target, progress, cancellationToken);

    /// <inheritdoc />
    public IReadOnlyList<AttributionMap> ExplainMany(
        IModelProbe probe,
        Tensor inputs,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        AttributionInputs.CheckBatchShape(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(InternalBatchSize, 1);
        using var scope = NewDisposeScope();
        var count = inputs.shape[0];
        var chunks = new List<Tensor>();
        for (long start = 0; start < count; start += InternalBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = Math.Min(InternalBatchSize, count - start);
            chunks.Add(probe.InputGradients(inputs.narrow(0, start, length), Enumerable.Repeat(target, (int)length).ToArray()));
            progress?.Report((double)(start + length) / count);
        }
        return AttributionInputs.ToMaps(cat(chunks, 0));
    }
}
