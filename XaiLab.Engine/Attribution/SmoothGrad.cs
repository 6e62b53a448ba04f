using TorchSharp;
using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// SmoothGrad (Smilkov et al. 2017) around any attribution method: the mean of the inner method's maps over noisy copies
/// of the input, x + N(0, sigma^2) with sigma = <see cref="StdevSpread"/> * (max x - min x), as PAIR saliency's
/// <c>GetSmoothedMask</c> does. API name: "smooth-" + the inner method's name, e.g. "smooth-integrated-gradients".
/// </summary>
public sealed class SmoothGrad : IAttributionMethod
{
    private readonly IAttributionMethod inner;

    public SmoothGrad(IAttributionMethod inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        this.inner = inner;
    }

    /// <summary>The API name prefix that marks a smoothed method.</summary>
    public const string ApiNamePrefix = "smooth-";

    public string ApiName => ApiNamePrefix + inner.ApiName;

    /// <summary>The wrapped method.</summary>
    public IAttributionMethod Inner => inner;

    /// <summary>Noisy samples averaged. Default 25, PAIR's <c>nsamples</c> and the paper's setting.</summary>
    public int Samples { get; init; } = 25;

    /// <summary>
    /// Noise standard deviation as a share of the input's value range (max - min). Default 0.15, PAIR's
    /// <c>stdev_spread</c>; the SmoothGrad paper recommends 0.10-0.20.
    /// </summary>
    public double StdevSpread { get; init; } = 0.15;

    /// <summary>
    /// Average the squared maps instead of the maps (PAIR's <c>magnitude</c>). Default false, as PAIR's default; the paper's
    /// figures show plain (signed) means reduced to |map| for display.
    /// </summary>
    public bool Magnitude { get; init; }

    /// <summary>
    /// Seed of the noise generator; the same seed gives the same map. Default 0. PAIR draws from numpy's global state and so
    /// is not reproducible: a departure on purpose.
    /// </summary>
    public ulong Seed { get; init; }

    public AttributionMap Explain(
        IModelProbe probe,
        Tensor input,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(Samples, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(StdevSpread);

        double stdev;
        using (NewDisposeScope())
        {
            stdev = StdevSpread * (input.max().ToDouble() - input.min().ToDouble());
        }
        double[]? total = null;
        AttributionMap? first = null;
        using var generator = new Generator(Seed);
        for (var sample = 0; sample < Samples; sample++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AttributionMap map;
            using (NewDisposeScope())
            {
                // Noise is drawn on the CPU so a seed gives the same map on every device.
                var noise = randn(input.shape, ScalarType.Float32, CPU, generator: generator).to(input.device).to_type(input.dtype);
                var noisy = input + noise * stdev;
                map = inner.Explain(probe, noisy, target, ProgressRange.Slice(progress, (double)sample / Samples, (double)(sample + 1) / Samples), cancellationToken);
            }
            first ??= map;
            total ??= new double[map.Values.Length];
            for (var i = 0; i < total.Length; i++)
            {
                var value = map.Values[i];
                total[i] += Magnitude ? (double)value * value : value;
            }
        }

        var values = new float[total!.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(total[i] / Samples);
        }
        progress?.Report(1.0);
        return new AttributionMap(values, first!.Channels, first.Height, first.Width);
    }
}
