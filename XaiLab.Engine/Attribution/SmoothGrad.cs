using TorchSharp;
using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// SmoothGrad (Smilkov et al. 2017) around any attribution method: the mean of the inner method's maps over noisy copies
/// of the input, x + N(0, sigma^2) with sigma = <see cref="StdevSpread"/> * (max x - min x), as PAIR saliency's
/// <c>GetSmoothedMask</c> does, squaring each noisy map before the mean by default (PAIR's <c>magnitude=True</c>). API name:
/// "smooth-" + the inner method's name, e.g. "smooth-integrated-gradients". Departs from PAIR only in the noise source:
/// a seeded generator (<see cref="Seed"/>) instead of numpy's global state.
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
    /// Average the squared maps instead of the maps (PAIR's <c>magnitude</c>). Default true: PAIR's
    /// <c>GetSmoothedMask(..., magnitude=True)</c> default and what the paper's maps used; false gives the signed mean.
    /// </summary>
    public bool Magnitude { get; init; } = true;

    /// <summary>
    /// Seed of the noise generator; the same seed gives the same map. Default 0. PAIR draws from numpy's global state and so
    /// is not reproducible: a departure on purpose.
    /// </summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// Unit-normal noise per sample (<see cref="Samples"/> arrays of the input's C x H x W values), used instead of the
    /// seeded generator: for feeding the noise a reference implementation drew (PAIR adds stdev * z). Default null.
    /// </summary>
    public IReadOnlyList<float[]>? Noise { get; init; }

    /// <summary>
    /// Explains the noisy samples; when the inner method is an <see cref="IBatchAttributionMethod"/> all samples go to it
    /// at once and share model calls (in batches of the inner method's internal batch size), else one after another.
    /// </summary>
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
        void Add(AttributionMap map)
        {
            first ??= map;
            total ??= new double[map.Values.Length];
            for (var i = 0; i < total.Length; i++)
            {
                var value = map.Values[i];
                total[i] += Magnitude ? (double)value * value : value;
            }
        }

        using var generator = new Generator(Seed);
        if (inner is IBatchAttributionMethod batched)
        {
            // All noisy copies go to the inner method at once, which packs their model calls into full batches.
            using (NewDisposeScope())
            {
                var noisy = new Tensor[Samples];
                for (var sample = 0; sample < Samples; sample++)
                {
                    noisy[sample] = NoisyCopy(input, stdev, generator, sample);
                }
                foreach (var map in batched.ExplainMany(probe, stack(noisy), target, progress, cancellationToken))
                {
                    Add(map);
                }
            }
        }
        else
        {
            for (var sample = 0; sample < Samples; sample++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using (NewDisposeScope())
                {
                    Add(inner.Explain(probe, NoisyCopy(input, stdev, generator, sample), target,
                        ProgressRange.Slice(progress, (double)sample / Samples, (double)(sample + 1) / Samples), cancellationToken));
                }
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

    /// <summary>
    /// x + N(0, stdev^2), the noise drawn on the CPU from <paramref name="generator"/> in sample order, so a seed gives
    /// the same maps on every device and whether or not the samples are batched.
    /// </summary>
    private Tensor NoisyCopy(Tensor input, double stdev, Generator generator, int sample)
    {
        var noise = (Noise is null
                ? randn(input.shape, ScalarType.Float32, CPU, generator: generator)
                : tensor(Noise[sample], input.shape, ScalarType.Float32))
            .to(input.device).to_type(input.dtype);
        return input + noise * stdev;
    }
}
