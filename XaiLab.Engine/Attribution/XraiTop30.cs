using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// The paper's "XRAI 30%" view: the XRAI map with every pixel below its <see cref="Percentile"/>-th percentile set to
/// 0, keeping the most salient 30% (PAIR's notebook keeps values &gt;= numpy.percentile(map, 70)). API name
/// "xrai-top30".
/// </summary>
public sealed class XraiTop30 : IAttributionMethod
{
    private readonly Xrai xrai;

    /// <param name="xrai">The XRAI configuration to threshold; default PAIR's (full algorithm, 100 steps).</param>
    public XraiTop30(Xrai? xrai = null)
    {
        this.xrai = xrai ?? new Xrai();
    }

    public string ApiName => "xrai-top30";

    /// <summary>Pixels whose XRAI value is at or above this percentile (linear interpolation) are kept. Default 70.</summary>
    public double Percentile { get; init; } = 70;

    public AttributionMap Explain(
        IModelProbe probe,
        Tensor input,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (Percentile is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(Percentile), "Percentile must be in [0, 100].");
        var map = xrai.Explain(probe, input, target, progress, cancellationToken);
        var threshold = PercentileOf(map.Values, Percentile);
        var kept = map.Values.Select(v => v >= threshold ? v : 0f).ToArray();
        return map with { Values = kept };
    }

    // numpy.percentile with linear interpolation.
    private static double PercentileOf(float[] values, double percentile)
    {
        var sorted = values.Select(v => (double)v).Order().ToArray();
        var position = percentile / 100.0 * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
