using XaiLab.Engine.Evaluation;

namespace XaiLab.Tests.Engine.Evaluation;

public class PairedBootstrapTests
{
    [Fact]
    public void AccuracyDifference_AlwaysRightVersusAlwaysWrong_IsExactlyOne()
    {
        int[] labels = [0, 1, 2, 1];

        var interval = PairedBootstrap.AccuracyDifference(labels, labels, [1, 2, 0, 0], resamples: 200);

        Assert.Equal(new BootstrapInterval(1, 1, 1), interval);
    }

    [Fact]
    public void AccuracyDifference_IsSeededAndBracketsTheEstimate()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 200).Select(_ => random.Next(3)).ToArray();
        var a = labels.Select(l => random.NextDouble() < 0.8 ? l : (l + 1) % 3).ToArray();
        var b = labels.Select(l => random.NextDouble() < 0.7 ? l : (l + 2) % 3).ToArray();

        var first = PairedBootstrap.AccuracyDifference(labels, a, b, seed: 5);
        var again = PairedBootstrap.AccuracyDifference(labels, a, b, seed: 5);
        var other = PairedBootstrap.AccuracyDifference(labels, a, b, seed: 6);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        var observed = a.Zip(labels).Count(p => p.First == p.Second) / 200.0 - b.Zip(labels).Count(p => p.First == p.Second) / 200.0;
        Assert.Equal(observed, first.Estimate, 12);
        Assert.InRange(first.Estimate, first.Lower, first.Upper);
        // Normal approximation of the paired difference's standard error: the 95% interval is about +-2 se wide.
        Assert.InRange(first.Upper - first.Lower, 0.05, 0.25);
    }

    [Fact]
    public void Quantile_InterpolatesLikeNumpy()
    {
        // numpy.percentile([1, 2, 3, 4], 25) = 1.75; 97.5 -> 3.925
        Assert.Equal(1.75, PairedBootstrap.Quantile([1, 2, 3, 4], 0.25), 12);
        Assert.Equal(3.925, PairedBootstrap.Quantile([1, 2, 3, 4], 0.975), 12);
    }
}
