using XaiLab.Engine.Attribution;
using XaiLab.Tests.TestDoubles;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Attribution;

public class BlurIntegratedGradientsTests
{
    private const int Side = 16;

    // f(x) = sum(w * x) with w varying over the image: the gradient is w everywhere on the path.
    private static (AnalyticProbe Probe, double[] Weights) LinearProbe()
    {
        var weights = new double[Side * Side];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = 0.5 + Math.Sin(i * 0.37);
        }
        var w = tensor(weights.Select(v => (float)v).ToArray(), [1, 1, Side, Side]);
        return (new AnalyticProbe(x => stack([(x * w).sum([1, 2, 3]), x.sum([1, 2, 3])], 1)), weights);
    }

    // scipy.ndimage.gaussian_filter(mode='constant', truncate=4), written out as a direct 2-D sum.
    private static double[] NaiveBlur(double[] image, double sigma)
    {
        if (sigma == 0) return (double[])image.Clone();
        var radius = (int)(4 * sigma + 0.5);
        var kernel = Enumerable.Range(-radius, 2 * radius + 1).Select(i => Math.Exp(-0.5 * i * i / (sigma * sigma))).ToArray();
        var sum = kernel.Sum();
        var result = new double[image.Length];
        for (var y = 0; y < Side; y++)
        for (var x = 0; x < Side; x++)
        {
            var value = 0.0;
            for (var v = 0; v < Side; v++)
            for (var u = 0; u < Side; u++)
            {
                int dy = v - y, dx = u - x;
                if (Math.Abs(dy) > radius || Math.Abs(dx) > radius) continue;
                value += image[v * Side + u] * kernel[dy + radius] * kernel[dx + radius] / (sum * sum);
            }
            result[y * Side + x] = value;
        }
        return result;
    }

    [Fact]
    public void Explain_LinearModel_MatchesPairFormulaComputedByHand()
    {
        using var input = AttributionAssert.Image(1, Side, Side);
        var (probe, weights) = LinearProbe();
        var method = new BlurIntegratedGradients { MaxSigma = 5, Steps = 10, GradStep = 0.01 };
        var map = AttributionAssert.NoLeaks(() => method.Explain(probe, input, 0));

        var image = input.data<float>().Select(v => (double)v).ToArray();
        var expected = new double[image.Length];
        for (var i = 0; i < 10; i++)
        {
            double sigma = i * 0.5, next = (i + 1) * 0.5;
            var blurred = NaiveBlur(image, sigma);
            var shifted = NaiveBlur(image, sigma + 0.01);
            for (var p = 0; p < expected.Length; p++)
            {
                expected[p] -= (next - sigma) * (shifted[p] - blurred[p]) / 0.01 * weights[p];
            }
        }
        AttributionAssert.AllClose(expected.Select(v => (float)v).ToArray(), map.Values, 1e-4);
        Assert.Equal(10, probe.Rows);
    }

    [Fact]
    public void Explain_LinearModel_ApproximatelyComplete()
    {
        // The map sums to about f(x) - f(blur(x, MaxSigma)) (the path's ends), up to the Riemann error.
        using var input = AttributionAssert.Image(1, Side, Side);
        var (probe, weights) = LinearProbe();
        var map = new BlurIntegratedGradients { MaxSigma = 10, Steps = 200 }.Explain(probe, input, 0);
        var image = input.data<float>().Select(v => (double)v).ToArray();
        var blurred = NaiveBlur(image, 10);
        var expected = Enumerable.Range(0, image.Length).Sum(p => weights[p] * (image[p] - blurred[p]));
        Assert.Equal(expected, map.Values.Sum(v => (double)v), expected * 0.05 + 0.05);
    }

    [Fact]
    public void Explain_DoesNotDependOnInternalBatchSize()
    {
        using var input = AttributionAssert.Image(1, Side, Side);
        var probe = new AnalyticProbe(x => stack([x.pow(2).sum([1, 2, 3]), x.sum([1, 2, 3])], 1));
        var one = new BlurIntegratedGradients { Steps = 12, InternalBatchSize = 1 }.Explain(probe, input, 0);
        var five = new BlurIntegratedGradients { Steps = 12, InternalBatchSize = 5 }.Explain(probe, input, 0);
        AttributionAssert.AllClose(one.Values, five.Values, 1e-6);
    }

    [Fact]
    public void Explain_BlursEachChannelOnItsOwn()
    {
        // f = sum(x[channel 1]): channel 0 never reaches the output, so it gets no attribution.
        using var input = AttributionAssert.Image(2, Side, Side);
        var probe = new AnalyticProbe(x => stack([x[.., 1].sum([1, 2]), x.sum([1, 2, 3])], 1));
        var map = new BlurIntegratedGradients { Steps = 10 }.Explain(probe, input, 0);
        Assert.Equal(2, map.Channels);
        Assert.All(map.Values.Take(Side * Side), v => Assert.Equal(0f, v));
        Assert.Contains(map.Values.Skip(Side * Side), v => v != 0);
    }

    [Fact]
    public void Explain_PixelThatChangesOutputGetsAttribution()
    {
        using var input = AttributionAssert.Image(1, Side, Side);
        var probe = new AnalyticProbe(x => stack([x[.., 0, 5, 7].pow(2), x.sum([1, 2, 3])], 1));
        var map = new BlurIntegratedGradients { Steps = 20 }.Explain(probe, input, 0);
        Assert.NotEqual(0f, map.Values[5 * Side + 7]);
        Assert.Equal(0f, map.Values[0]);
    }

    [Fact]
    public void Explain_HonoursCancellationAndReportsProgress()
    {
        using var input = AttributionAssert.Image(1, Side, Side);
        var (probe, _) = LinearProbe();
        var reports = new List<double>();
        new BlurIntegratedGradients { Steps = 8, InternalBatchSize = 3 }.Explain(probe, input, 0, new SynchronousProgress(reports.Add));
        Assert.Equal([3 / 8.0, 6 / 8.0, 1.0], reports);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => new BlurIntegratedGradients().Explain(probe, input, 0, null, cancelled.Token));
    }

    [Fact]
    public void Explain_RunsOnSmallCnn()
    {
        using var input = AttributionAssert.Image(1, 32, 32);
        var probe = ModelBackedProbe.SmallCnn();
        var map = AttributionAssert.NoLeaks(() => new BlurIntegratedGradients { Steps = 10 }.Explain(probe, input, 1));
        Assert.Equal(32 * 32, map.Values.Length);
        Assert.Contains(map.Values, v => v != 0);
    }
}
