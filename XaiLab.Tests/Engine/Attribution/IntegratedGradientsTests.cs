using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Models;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;

namespace XaiLab.Tests.Engine.Attribution;

[Collection(TorchCollection.Name)]
public class IntegratedGradientsTests
{
    private static readonly long[] Shape = [1, 4, 5];

    [Fact]
    public void Explain_LinearFunction_IsExactlyWeightTimesInput()
    {
        var (probe, x, weights) = Analytic(seed: 1);
        using var input = torch.tensor(x, Shape);

        var map = new IntegratedGradients(steps: 7).Explain(probe, input, target: 0);

        Assert.Equal((1, 4, 5), (map.Channels, map.Height, map.Width));
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(weights[i] * x[i], map.Values[i], 5);
        }
        Assert.Equal(probe.Function(0, x), map.Values.Sum(v => (double)v), 4);
    }

    [Fact]
    public void Explain_QuadraticFunction_IsCompleteBecauseBothEndsAreIncluded()
    {
        var (probe, x, _) = Analytic(seed: 2);
        using var input = torch.tensor(x, Shape);

        var map = new IntegratedGradients(steps: 4).Explain(probe, input, target: 1);

        Assert.Equal(probe.Function(1, x), map.Values.Sum(v => (double)v), 4);
    }

    [Fact]
    public void Explain_CubicFunction_ConvergesWithSteps()
    {
        var (probe, x, _) = Analytic(seed: 3);
        using var input = torch.tensor(x, Shape);
        var exact = probe.Function(2, x);

        var coarse = Math.Abs(new IntegratedGradients(steps: 3).Explain(probe, input, 2).Values.Sum() - exact);
        var fine = Math.Abs(new IntegratedGradients(steps: 300).Explain(probe, input, 2).Values.Sum() - exact);

        Assert.True(fine < coarse / 50, $"error {fine} at 300 steps vs {coarse} at 3");
    }

    [Fact]
    public void Explain_BlackBaseline_IntegratesFromTheInputMinimum()
    {
        var (probe, x, weights) = Analytic(seed: 4);
        using var input = torch.tensor(x, Shape);

        var map = new IntegratedGradients(steps: 5, baseline: IntegratedGradientsBaseline.Black).Explain(probe, input, 0);

        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(weights[i] * (x[i] - x.Min()), map.Values[i], 5);
        }
    }

    [Fact]
    public void BaselineOf_GivesWhiteAndSeededNoise()
    {
        float[] x = [-1f, 0.5f, 2f, 0f];

        var white = new IntegratedGradients(baseline: IntegratedGradientsBaseline.White).BaselineOf(x, 1, 2, 2);
        var noise = new IntegratedGradients(baseline: IntegratedGradientsBaseline.UniformNoise, seed: 3).BaselineOf(x, 1, 2, 2);
        var sameNoise = new IntegratedGradients(baseline: IntegratedGradientsBaseline.UniformNoise, seed: 3).BaselineOf(x, 1, 2, 2);
        var otherNoise = new IntegratedGradients(baseline: IntegratedGradientsBaseline.UniformNoise, seed: 4).BaselineOf(x, 1, 2, 2);

        Assert.All(white, v => Assert.Equal(2f, v));
        Assert.All(noise, v => Assert.InRange(v, -1f, 2f));
        Assert.Equal(noise, sameNoise);
        Assert.NotEqual(noise, otherNoise);
    }

    [Fact]
    public void BaselineOf_Blurred_SpreadsAnImpulseIntoTheSeparableGaussian()
    {
        var x = new float[21 * 21];
        x[10 * 21 + 10] = 1f;
        var sigma = 2.0;
        var taps = Enumerable.Range(-8, 17).Select(i => Math.Exp(-0.5 * i * i / (sigma * sigma))).ToArray();
        var norm = taps.Sum();

        var blurred = new IntegratedGradients(baseline: IntegratedGradientsBaseline.Blurred) { BlurSigma = sigma }
            .BaselineOf(x, 1, 21, 21);

        for (var y = 0; y < 21; y++)
        {
            for (var c = 0; c < 21; c++)
            {
                var expected = Math.Abs(y - 10) <= 8 && Math.Abs(c - 10) <= 8
                    ? taps[y - 10 + 8] * taps[c - 10 + 8] / (norm * norm)
                    : 0.0;
                Assert.Equal(expected, blurred[y * 21 + c], 6);
            }
        }
        Assert.Equal(1.0, blurred.Sum(v => (double)v), 5);
    }

    [Fact]
    public void Explain_BlurredBaseline_IntegratesFromTheBlurredInput()
    {
        var (probe, x, weights) = Analytic(seed: 8);
        using var input = torch.tensor(x, Shape);
        var ig = new IntegratedGradients(steps: 5, baseline: IntegratedGradientsBaseline.Blurred) { BlurSigma = 1.0 };
        var reference = ig.BaselineOf(x, 1, 4, 5);

        var map = ig.Explain(probe, input, 0);

        Assert.Contains(reference.Select((v, i) => Math.Abs(v - x[i])), d => d > 0.05);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(weights[i] * (x[i] - reference[i]), map.Values[i], 5);
        }
    }

    [Theory]
    [InlineData(IntegrationRule.PairLinspace)]
    [InlineData(IntegrationRule.LeftRiemann)]
    [InlineData(IntegrationRule.RightRiemann)]
    [InlineData(IntegrationRule.MiddleRiemann)]
    [InlineData(IntegrationRule.Trapezoid)]
    public void Explain_EveryRule_IsExactOnALinearFunction(IntegrationRule rule)
    {
        var (probe, x, weights) = Analytic(seed: 9);
        using var input = torch.tensor(x, Shape);

        var map = new IntegratedGradients(steps: 4, rule: rule).Explain(probe, input, 0);

        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(weights[i] * x[i], map.Values[i], 5);
        }
    }

    [Fact]
    public void Explain_QuadraticFunction_MidpointAndTrapezoidAreCompleteWhileLeftAndRightMissByTheSameAmount()
    {
        // f1 = sum(w x^2): the gradient along the path is 2 w x^2 alpha, so the left sum gives (n-1)/n of f(x), the right
        // sum (n+1)/n, and the midpoint and trapezoid rules integrate it exactly.
        var (probe, x, _) = Analytic(seed: 10);
        using var input = torch.tensor(x, Shape);
        var exact = probe.Function(1, x);
        double Total(IntegrationRule rule) => new IntegratedGradients(steps: 4, rule: rule).Explain(probe, input, 1).Values.Sum(v => (double)v);

        Assert.Equal(exact, Total(IntegrationRule.MiddleRiemann), 4);
        Assert.Equal(exact, Total(IntegrationRule.Trapezoid), 4);
        Assert.Equal(exact * 3 / 4, Total(IntegrationRule.LeftRiemann), 4);
        Assert.Equal(exact * 5 / 4, Total(IntegrationRule.RightRiemann), 4);
    }

    [Fact]
    public void Explain_MeanOfLeftAndRightSums_EqualsTrapezoidWithOneMorePoint()
    {
        var (probe, input) = SmallCnnProbe(ExplainedOutput.Probability);
        using var _ = input;

        var left = new IntegratedGradients(steps: 5, rule: IntegrationRule.LeftRiemann).Explain(probe, input, 2).Values;
        var right = new IntegratedGradients(steps: 5, rule: IntegrationRule.RightRiemann).Explain(probe, input, 2).Values;
        var trapezoid = new IntegratedGradients(steps: 6, rule: IntegrationRule.Trapezoid).Explain(probe, input, 2).Values;

        var scale = trapezoid.Max(Math.Abs);
        Assert.True(scale > 0);
        for (var i = 0; i < trapezoid.Length; i++)
        {
            Assert.Equal(trapezoid[i], (left[i] + right[i]) / 2, 1e-4 * scale);
        }
        Assert.NotEqual(left, right);
    }

    [Fact]
    public void Explain_IsIdenticalAcrossInternalBatchSizes()
    {
        var (probe, x, _) = Analytic(seed: 5);
        using var input = torch.tensor(x, Shape);

        var maps = new[] { 1, 7, 16, 40 }
            .Select(batch => new IntegratedGradients(steps: 25, internalBatchSize: batch).Explain(probe, input, 2).Values)
            .ToList();

        Assert.All(maps, map => Assert.Equal(maps[0], map));
        Assert.Equal(25, probe.LargestBatch);
    }

    [Fact]
    public void Explain_SmallCnn_IsIdenticalAcrossInternalBatchSizes()
    {
        var (probe, input) = SmallCnnProbe(ExplainedOutput.Probability);
        using var _ = input;

        var one = new IntegratedGradients(steps: 10, internalBatchSize: 1).Explain(probe, input, 1).Values;
        var four = new IntegratedGradients(steps: 10, internalBatchSize: 4).Explain(probe, input, 1).Values;

        var scale = one.Max(Math.Abs);
        for (var i = 0; i < one.Length; i++)
        {
            Assert.Equal(one[i], four[i], 1e-5 * scale);
        }
    }

    [Fact]
    public void Explain_SmallCnnLogit_IsCompleteWithinOnePercentAt300Steps()
    {
        var (probe, input) = SmallCnnProbe(ExplainedOutput.Logit);
        using var _ = input;
        using var baseline = torch.zeros_like(input);
        using var outputs = probe.Outputs(torch.stack([input, baseline]));
        var difference = outputs[0] - outputs[1];
        var target = difference.abs().argmax().item<long>();
        var expected = difference[target].item<float>();

        var map = new IntegratedGradients(steps: 300, internalBatchSize: 50).Explain(probe, input, target);

        var total = map.Values.Sum(v => (double)v);
        Assert.True(Math.Abs(expected) > 1e-3, $"f(x) - f(x') = {expected} is too small to test");
        Assert.True(Math.Abs(total - expected) <= 0.01 * Math.Abs(expected), $"sum {total} vs f(x) - f(x') {expected}");
    }

    [Fact]
    public void Explain_ReportsProgressAndHonoursCancellation()
    {
        var (probe, x, _) = Analytic(seed: 6);
        using var input = torch.tensor(x, Shape);
        var progress = new ImmediateProgress();

        new IntegratedGradients(steps: 10, internalBatchSize: 4).Explain(probe, input, 0, progress);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Equal([0.4, 0.8, 1.0], progress.Reports);
        Assert.Throws<OperationCanceledException>(
            () => new IntegratedGradients().Explain(probe, input, 0, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Explain_LeavesNoLiveTensorsAndNoParameterGradients()
    {
        var (probe, input) = SmallCnnProbe(ExplainedOutput.Probability, out var model);
        using var _ = input;
        using var m = model;
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        new IntegratedGradients(steps: 6, internalBatchSize: 4).Explain(probe, input, 0);
        new VanillaGradient().Explain(probe, input, 0);
        using (var batch = input.unsqueeze(0))
        {
            probe.Outputs(batch).Dispose();
            var (activations, gradients) = probe.LayerGradients(batch, [1]);
            activations.Dispose();
            gradients.Dispose();
        }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        // The counter does see a tensor left alive on this thread.
        using (torch.zeros(1))
        {
            Assert.Equal(before + 1, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }
        Assert.All(model.parameters(), p => Assert.True(p.grad is null || p.grad.abs().sum().item<float>() == 0));
    }

    [Fact]
    public void Constructor_RejectsTooFewSteps()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntegratedGradients(steps: 1));
        Assert.Equal("integrated-gradients", new IntegratedGradients().ApiName);
    }

    private static (PowerSeriesProbe Probe, float[] X, float[] Weights) Analytic(int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, 20).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var weights = Enumerable.Range(0, 20).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        return (new PowerSeriesProbe(weights, Shape), x, weights);
    }

    private static (ClassifierProbe Probe, torch.Tensor Input) SmallCnnProbe(ExplainedOutput output) =>
        SmallCnnProbe(output, out _);

    private static (ClassifierProbe Probe, torch.Tensor Input) SmallCnnProbe(ExplainedOutput output, out ClassifierModel model)
    {
        torch.manual_seed(12);
        model = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, InputSize: 16));
        var input = torch.randn(1, 16, 16);
        return (new ClassifierProbe(model, output, torch.CPU), input);
    }
}
