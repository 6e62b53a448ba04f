using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Tests.TestDoubles;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Attribution;

public class GuidedIntegratedGradientsTests
{
    private const int Side = 16;

    // A non-linear model whose gradient differs a lot between pixels, so Guided IG's path bends.
    private static AnalyticProbe NonLinearProbe()
    {
        var weights = tensor(Enumerable.Range(0, Side * Side).Select(i => (float)(1 + Math.Sin(i * 0.7))).ToArray(), [1, 1, Side, Side]);
        return new AnalyticProbe(x => stack([nn.functional.softplus((x.pow(2) * weights).sum([1, 2, 3]) * 0.05 - 1), x.sum([1, 2, 3])], 1));
    }

    [Fact]
    public void Explain_MaxDistZero_EqualsIntegratedGradients()
    {
        using var input = AttributionAssert.Image(1, Side, Side);
        using var baseline = zeros_like(input);
        var probe = NonLinearProbe();
        var map = AttributionAssert.NoLeaks(() => new GuidedIntegratedGradients { Steps = 20, MaxDist = 0 }.Explain(probe, input, 0));

        // PAIR's Guided IG with max_dist 0 takes the straight line and sums gradients at alphas 0, 1/steps, ...
        var leftRiemann = AttributionAssert.ExpectedIntegratedGradients(probe, input, baseline, 0, 20, leftRiemann: true);
        AttributionAssert.AllClose(leftRiemann, map.Values, 1e-6);

        // ... which approaches IG with linspace(0, 1, steps) as steps grow.
        var fine = new GuidedIntegratedGradients { Steps = 200, MaxDist = 0 }.Explain(probe, input, 0);
        var integrated = AttributionAssert.ExpectedIntegratedGradients(probe, input, baseline, 0, 200);
        var scale = integrated.Max(Math.Abs);
        AttributionAssert.AllClose(integrated, fine.Values, scale * 0.02);
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(1.0)]
    public void Explain_LinearModel_GivesWeightTimesInput(double maxDist)
    {
        // Every path from 0 to x collects exactly w * x for f = sum(w * x).
        using var input = AttributionAssert.Image(1, Side, Side);
        var weights = Enumerable.Range(0, Side * Side).Select(i => (float)Math.Cos(i)).ToArray();
        using var w = tensor(weights, [1, 1, Side, Side]);
        var probe = new AnalyticProbe(x => stack([(x * w).sum([1, 2, 3]), x.sum([1, 2, 3])], 1));
        var map = new GuidedIntegratedGradients { Steps = 10, MaxDist = maxDist, Fraction = 0.5 }.Explain(probe, input, 0);
        var expected = input.data<float>().ToArray().Select((v, i) => v * weights[i]).ToArray();
        AttributionAssert.AllClose(expected, map.Values, 1e-5);
    }

    [Fact]
    public void Explain_IsApproximatelyCompleteAndDiffersFromIg()
    {
        using var input = AttributionAssert.Image(1, Side, Side);
        using var baseline = zeros_like(input);
        var probe = NonLinearProbe();
        var map = new GuidedIntegratedGradients { Steps = 400, MaxDist = 1.0, Fraction = 0.5 }.Explain(probe, input, 0);
        using var ends = probe.Outputs(stack([input, baseline]));
        var difference = ends[0, 0].ToDouble() - ends[1, 0].ToDouble();
        Assert.Equal(difference, map.Values.Sum(v => (double)v), Math.Abs(difference) * 0.04);
        var integrated = AttributionAssert.ExpectedIntegratedGradients(probe, input, baseline, 0, 400, leftRiemann: true);
        Assert.True(integrated.Zip(map.Values).Max(p => Math.Abs(p.First - p.Second)) > 1e-4);
    }

    [Fact]
    public void Explain_PixelThatChangesOutputGetsAttribution()
    {
        using var input = AttributionAssert.Image(1, Side, Side);
        var probe = new AnalyticProbe(x => stack([x[.., 0, 3, 9].pow(2), x.sum([1, 2, 3])], 1));
        var map = new GuidedIntegratedGradients { Steps = 10 }.Explain(probe, input, 0);
        Assert.NotEqual(0f, map.Values[3 * Side + 9]);
    }

    [Fact]
    public void Explain_InputEqualToBaseline_GivesZeroMap()
    {
        using var input = zeros(1, Side, Side);
        var map = new GuidedIntegratedGradients { Steps = 5 }.Explain(NonLinearProbe(), input, 0);
        Assert.All(map.Values, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Explain_HonoursCancellationAndReportsProgress()
    {
        using var input = AttributionAssert.Image(1, Side, Side);
        var reports = new List<double>();
        new GuidedIntegratedGradients { Steps = 4 }.Explain(NonLinearProbe(), input, 0, new SynchronousProgress(reports.Add));
        Assert.Equal([0.25, 0.5, 0.75, 1.0], reports);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => new GuidedIntegratedGradients().Explain(NonLinearProbe(), input, 0, null, cancelled.Token));
    }

    [Fact]
    public void Explain_RunsOnSmallCnn()
    {
        using var input = AttributionAssert.Image(1, 32, 32);
        var probe = ModelBackedProbe.SmallCnn();
        var map = AttributionAssert.NoLeaks(() => new GuidedIntegratedGradients { Steps = 10 }.Explain(probe, input, 1));
        Assert.Equal(32 * 32, map.Values.Length);
        Assert.Contains(map.Values, v => v != 0);
    }
}
