using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

public sealed class BootstrapIntervalTests
{
    [Fact]
    public void OfMean_ConstantValues_GiveAZeroWidthInterval()
    {
        var interval = BootstrapInterval.OfMean([0.4, 0.4, 0.4]);

        Assert.Equal(3, interval.Count);
        Assert.All(new[] { interval.Mean, interval.Lower, interval.Upper }, v => Assert.Equal(0.4, v, 12));
    }

    [Fact]
    public void OfMean_IsReproducibleBySeed_AndIgnoresNaN()
    {
        double[] values = [0.1, 0.5, 0.9, 0.3, double.NaN, 0.7];

        // Few resamples, so the interval's ends depend visibly on the draws.
        var first = BootstrapInterval.OfMean(values, resamples: 20, seed: 3);

        Assert.Equal(first, BootstrapInterval.OfMean(values, resamples: 20, seed: 3));
        Assert.NotEqual(first, BootstrapInterval.OfMean(values, resamples: 20, seed: 4));
        Assert.Equal(5, first.Count);
        Assert.Equal(0.5, first.Mean, 12);
        Assert.InRange(first.Mean, first.Lower, first.Upper);
    }

    [Fact]
    public void OfMean_WidthMatchesTheNormalApproximationForALargeSample()
    {
        // 400 values, uniform on [0, 1] in a fixed order: sd = 1/sqrt(12), so the 95% interval is about 2 * 1.96 * sd / 20.
        var values = Enumerable.Range(0, 400).Select(i => (i * 0.6180339887) % 1.0).ToArray();
        var expectedWidth = 2 * 1.96 * Math.Sqrt(1.0 / 12) / 20;

        var interval = BootstrapInterval.OfMean(values);

        Assert.InRange(interval.Upper - interval.Lower, 0.85 * expectedWidth, 1.15 * expectedWidth);
        Assert.Throws<ArgumentException>(() => BootstrapInterval.OfMean([double.NaN]));
    }
}
