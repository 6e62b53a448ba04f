using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Attribution.Segmentation;
using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Benchmarks;

/// <summary>
/// Seconds per slice of every attribution method (registry defaults) on DenseNet121 and the small CNN at 224, the
/// segmentation at one and six scales and with dilation, XRAI's ranking, the full XRAI map, and the ratio IG(64) / 64
/// forward+backward.
/// </summary>
internal static class AttributionTimings
{
    public static IEnumerable<Measurement> Methods(BenchmarkOptions options)
    {
        var size = options.Smoke ? 32 : 224;
        var names = options.Methods ?? AttributionMethods.All.Values.Append("smooth-vanilla-gradient").ToList();
        var attributionOptions = options.Smoke ? new AttributionOptions(Steps: 2, SmoothGradSamples: 2) : null;
        foreach (var architecture in new[] { Architecture.DenseNet121, Architecture.SmallCnn })
        {
            using var model = Model(architecture, size);
            var probe = new ClassifierProbe(model, device: CPU);
            using var input = Image(size);
            foreach (var name in names)
            {
                var method = AttributionMethods.Create(name, attributionOptions);
                var load = Timing.LoadAverage();
                // Slow methods run once: one slice is what a user waits for.
                var (seconds, cpu) = Timing.Median(() => method.Explain(probe, input, 1), 1, warmUp: false);
                yield return new Measurement("methods", name, architecture.ToString(), size, seconds, "s/slice", load, cpu);
            }
        }
    }

    public static IEnumerable<Measurement> Segmentation(BenchmarkOptions options)
    {
        var size = options.Smoke ? 32 : 224;
        using var input = Image(size);
        var xrai = new Xrai();
        // The stages of the masks below at XRAI's settings: Felzenszwalb at one scale, at all six, then with the dilation.
        var values = input.data<float>().ToArray();
        foreach (var scales in new[] { xrai.Scales.Take(1).ToList(), xrai.Scales.ToList() })
        {
            var stageLoad = Timing.LoadAverage();
            var (stageSeconds, stageCpu) = Timing.Median(
                () => XraiSegmentation.Labellings(values, 1, size, size, xrai.SegmentationSize, scales, xrai.Sigma, xrai.MinSegmentSize),
                options.Repeats);
            var name = scales.Count == 1 ? "felzenszwalb-1-scale" : $"felzenszwalb-{scales.Count}-scales";
            yield return new Measurement("segmentation", name, "-", size, stageSeconds, "s", stageLoad, stageCpu);
        }

        var load = Timing.LoadAverage();
        List<int[]> masks = [];
        var (seconds, cpu) = Timing.Median(
            () => masks = XraiSegmentation.Masks(input, xrai.SegmentationSize, xrai.Scales, xrai.Sigma, xrai.MinSegmentSize, xrai.DilationRadius),
            options.Repeats);
        yield return new Measurement("segmentation", "felzenszwalb-6-scales+dilation", "-", size, seconds, "s", load, cpu);

        var random = new Random(1);
        var attribution = Enumerable.Range(0, size * size).Select(_ => random.NextDouble()).ToArray();
        foreach (var algorithm in Enum.GetValues<XraiAlgorithm>())
        {
            load = Timing.LoadAverage();
            (seconds, cpu) = Timing.Median(
                () => XraiRanking.Rank(attribution, masks, algorithm, 1.0, 50, CancellationToken.None), options.Repeats);
            yield return new Measurement("segmentation", $"xrai-ranking-{algorithm.ToString().ToLowerInvariant()} ({masks.Count} masks)", "-", size, seconds, "s", load, cpu);
        }
    }

    public static IEnumerable<Measurement> FullXrai(BenchmarkOptions options)
    {
        var size = options.Smoke ? 32 : 224;
        using var model = Model(Architecture.DenseNet121, size);
        var probe = new ClassifierProbe(model, device: CPU);
        using var input = Image(size);
        foreach (var batch in options.Smoke ? [16] : new[] { 16, 32 })
        {
            var xrai = new Xrai { Steps = options.Smoke ? 2 : 100, InternalBatchSize = batch };
            var load = Timing.LoadAverage();
            var (seconds, cpu) = Timing.Median(() => xrai.Explain(probe, input, 1), 1, warmUp: false);
            yield return new Measurement("xrai", $"full-xrai-2x{xrai.Steps}-steps-batch{batch}", "DenseNet121", size, seconds, "s", load, cpu);
        }
    }

    /// <summary>IG with 64 steps against 64 forward+backward passes of the same model, one image a pass and in batches.</summary>
    public static IEnumerable<Measurement> IgRatio(BenchmarkOptions options)
    {
        var size = options.Smoke ? 32 : 224;
        var steps = options.Smoke ? 4 : options.IgSteps;
        using var model = Model(Architecture.DenseNet121, size);
        var probe = new ClassifierProbe(model, device: CPU);
        using var input = Image(size);
        using var single = input.unsqueeze(0);
        // One warm-up pass instead of a whole warm-up repetition: at 224 a repetition is minutes on a shared CPU.
        probe.InputGradients(single, [1]).Dispose();

        var load = Timing.LoadAverage();
        var (singlePasses, singleCpu) = Timing.Median(() =>
        {
            for (var i = 0; i < steps; i++) probe.InputGradients(single, [1]).Dispose();
        }, options.Repeats, warmUp: false);
        yield return new Measurement("ig-ratio", $"{steps} forward+backward, 1 image each", "DenseNet121", size, singlePasses, "s", load, singleCpu);

        using var batch = input.unsqueeze(0).expand(16, -1, -1, -1).contiguous();
        load = Timing.LoadAverage();
        var (batchedPasses, batchedCpu) = Timing.Median(() =>
        {
            for (var i = 0; i < steps; i += 16) probe.InputGradients(batch, Enumerable.Repeat(1L, 16).ToArray()).Dispose();
        }, options.Repeats, warmUp: false);
        yield return new Measurement("ig-ratio", $"{steps} forward+backward, batches of 16", "DenseNet121", size, batchedPasses, "s", load, batchedCpu);

        foreach (var internalBatch in new[] { 16, 64 })
        {
            var ig = new IntegratedGradients(steps: steps, internalBatchSize: internalBatch);
            load = Timing.LoadAverage();
            var (igSeconds, igCpu) = Timing.Median(() => ig.Explain(probe, input, 1), options.Repeats, warmUp: false);
            yield return new Measurement("ig-ratio", $"IG {steps} steps, internal batch {internalBatch}", "DenseNet121", size, igSeconds, "s", load, igCpu);
            yield return new Measurement("ig-ratio", $"IG(batch {internalBatch}) / single passes", "DenseNet121", size, igSeconds / singlePasses, "ratio", load);
            yield return new Measurement("ig-ratio", $"IG(batch {internalBatch}) / batched passes", "DenseNet121", size, igSeconds / batchedPasses, "ratio", load);
            yield return new Measurement("ig-ratio", $"IG(batch {internalBatch}) / batched passes, CPU time", "DenseNet121", size, igCpu / batchedCpu, "ratio", load);
        }
    }

    private static ClassifierModel Model(Architecture architecture, int size)
    {
        manual_seed(1);
        return ModelFactory.Create(new ModelSpec(architecture, InputChannels: 1, Classes: 3, InputSize: size));
    }

    /// <summary>A smooth synthetic slice with a bright blob, so segmentation and gradients have structure.</summary>
    private static Tensor Image(int size)
    {
        var values = new float[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var blob = Math.Exp(-(Math.Pow(x - size * 0.6, 2) + Math.Pow(y - size * 0.4, 2)) / (2 * Math.Pow(size * 0.1, 2)));
                values[y * size + x] = (float)(0.4 * Math.Sin(0.05 * x) * Math.Cos(0.07 * y) + blob);
            }
        }
        return tensor(values, [1, size, size]);
    }
}
