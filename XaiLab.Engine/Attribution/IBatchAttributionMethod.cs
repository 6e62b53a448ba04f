using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// A method that explains several inputs at once, sharing model calls across them (e.g. the noisy copies of SmoothGrad):
/// the path points or samples of all inputs are packed into batches of the method's internal batch size. Each map equals
/// what <see cref="IAttributionMethod.Explain"/> gives for that input alone, within float rounding.
/// </summary>
public interface IBatchAttributionMethod : IAttributionMethod
{
    /// <summary>Maps of <paramref name="inputs"/> [N, C, H, W] for one target, in input order.</summary>
    IReadOnlyList<AttributionMap> ExplainMany(
        IModelProbe probe,
        Tensor inputs,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default);
}
