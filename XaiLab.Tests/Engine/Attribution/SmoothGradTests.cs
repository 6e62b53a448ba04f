using XaiLab.Engine.Attribution;
using XaiLab.Tests.TestDoubles;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Attribution;

public class SmoothGradTests
{
    // f(x) = sum(x^3): the gradient 3x^2 changes with the noise, so seeds show in the result.
    private static AnalyticProbe CubeProbe() => new(x => stack([x.pow(3).sum([1, 2, 3]), x.sum([1, 2, 3])], 1));

    [Fact]
    public void ApiName_PrefixesInnerName()
    {
        Assert.Equal("smooth-test-gradient", new SmoothGrad(new PlainGradientMethod()).ApiName);
    }

    [Fact]
    public void Explain_IsReproducibleBySeedAndDiffersAcrossSeeds()
    {
        using var input = AttributionAssert.Image(1, 16, 16);
        var probe = CubeProbe();
        var a = new SmoothGrad(new PlainGradientMethod()) { Samples = 5, Seed = 1 }.Explain(probe, input, 0);
        var b = new SmoothGrad(new PlainGradientMethod()) { Samples = 5, Seed = 1 }.Explain(probe, input, 0);
        var c = new SmoothGrad(new PlainGradientMethod()) { Samples = 5, Seed = 2 }.Explain(probe, input, 0);
        Assert.Equal(a.Values, b.Values);
        Assert.NotEqual(a.Values, c.Values);
    }

    [Fact]
    public void Explain_AveragesInnerMapsOverNoise()
    {
        // For f = sum(x) the gradient is 1 whatever the noise: the plain mean is 1 and so is the mean of squares.
        using var input = AttributionAssert.Image(1, 16, 16);
        var probe = CubeProbe();
        var inner = new PlainGradientMethod();
        var plain = new SmoothGrad(inner) { Samples = 4, Magnitude = false }.Explain(probe, input, 1);
        var magnitude = new SmoothGrad(inner) { Samples = 4, Magnitude = true }.Explain(probe, input, 1);
        Assert.Equal(8, inner.Calls);
        Assert.All(plain.Values, v => Assert.Equal(1f, v, 5));
        Assert.All(magnitude.Values, v => Assert.Equal(1f, v, 5));
    }

    [Fact]
    public void Magnitude_IsTheDefaultAsInPairSaliency_AndSquaresEachNoisyMap()
    {
        // PAIR's GetSmoothedMask(..., magnitude=True): total += grad * grad. One sample with the same seed: the default map is
        // the signed map squared, element by element.
        using var input = AttributionAssert.Image(1, 16, 16);
        var probe = CubeProbe();
        var byDefault = new SmoothGrad(new PlainGradientMethod()) { Samples = 1, Seed = 4 }.Explain(probe, input, 0);
        var signed = new SmoothGrad(new PlainGradientMethod()) { Samples = 1, Seed = 4, Magnitude = false }.Explain(probe, input, 0);

        Assert.True(new SmoothGrad(new PlainGradientMethod()).Magnitude);
        Assert.True(new AttributionOptions().SmoothGradMagnitude);
        AttributionAssert.AllClose(signed.Values.Select(v => v * v).ToArray(), byDefault.Values, 1e-6);
        Assert.Contains(signed.Values, v => Math.Abs(v) > 1e-3 && Math.Abs(v * v - v) > 1e-3);
    }

    [Fact]
    public void Explain_ZeroSpreadEqualsInnerMethod()
    {
        using var input = AttributionAssert.Image(1, 16, 16);
        var probe = CubeProbe();
        var smoothed = new SmoothGrad(new PlainGradientMethod()) { Samples = 3, StdevSpread = 0, Magnitude = false }.Explain(probe, input, 0);
        var plain = new PlainGradientMethod().Explain(probe, input, 0);
        AttributionAssert.AllClose(plain.Values, smoothed.Values, 1e-6);
    }

    [Fact]
    public void Explain_LeaksNoTensorsAndReportsProgress()
    {
        using var input = AttributionAssert.Image(1, 16, 16);
        var probe = CubeProbe();
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports.Add);
        AttributionAssert.NoLeaks(() => new SmoothGrad(new PlainGradientMethod()) { Samples = 3 }.Explain(probe, input, 0, progress));
        Assert.Equal(1.0, reports[^1], 6);
        Assert.True(reports.SequenceEqual(reports.Order()));
    }

    [Fact]
    public void Explain_HonoursCancellation()
    {
        using var input = AttributionAssert.Image(1, 16, 16);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            new SmoothGrad(new PlainGradientMethod()).Explain(CubeProbe(), input, 0, null, cancelled.Token));
    }

    [Fact]
    public void Explain_PixelThatChangesOutputGetsAttribution()
    {
        using var input = AttributionAssert.Image(1, 16, 16);
        var probe = new AnalyticProbe(x => stack([x[.., 0, 3, 9].pow(2), x.sum([1, 2, 3])], 1));
        var map = new SmoothGrad(new PlainGradientMethod()) { Samples = 4 }.Explain(probe, input, 0);
        Assert.True(map.Values[3 * 16 + 9] > 0);
        Assert.Equal(0f, map.Values[0]);
    }

    [Fact]
    public void Explain_RunsOnSmallCnn()
    {
        using var input = AttributionAssert.Image(1, 32, 32);
        var probe = ModelBackedProbe.SmallCnn();
        var map = AttributionAssert.NoLeaks(() => new SmoothGrad(new PlainGradientMethod()) { Samples = 3 }.Explain(probe, input, 1));
        Assert.Equal(32 * 32, map.Values.Length);
        Assert.Contains(map.Values, v => v != 0);
    }
}
