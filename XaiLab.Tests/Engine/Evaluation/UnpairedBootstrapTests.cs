using XaiLab.Engine.Evaluation;

namespace XaiLab.Tests.Engine.Evaluation;

public class UnpairedBootstrapTests
{
    [Fact]
    public void AccuracyDifference_AlwaysRightVersusAlwaysWrong_IsExactlyOne()
    {
        var interval = UnpairedBootstrap.AccuracyDifference([true, true, true], [false, false], resamples: 200);

        Assert.Equal(new BootstrapInterval(1, 1, 1), interval);
    }

    [Fact]
    public void AccuracyDifference_IsSeededAndBracketsTheEstimate()
    {
        var random = new Random(4);
        var a = Enumerable.Range(0, 150).Select(_ => random.NextDouble() < 0.8).ToArray();
        var b = Enumerable.Range(0, 90).Select(_ => random.NextDouble() < 0.6).ToArray();

        var first = UnpairedBootstrap.AccuracyDifference(a, b, seed: 5);
        var again = UnpairedBootstrap.AccuracyDifference(a, b, seed: 5);
        var other = UnpairedBootstrap.AccuracyDifference(a, b, seed: 6);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(a.Count(x => x) / 150.0 - b.Count(x => x) / 90.0, first.Estimate, 12);
        Assert.InRange(first.Estimate, first.Lower, first.Upper);
    }

    [Fact]
    public void AccuracyDifference_WidthFollowsTheNormalApproximationOfTwoIndependentProportions()
    {
        // 400 at 0.75 and 200 at 0.5: sd = sqrt(.75*.25/400 + .5*.5/200) = 0.04146, 95% half-width 1.96 sd = 0.0813.
        var a = Enumerable.Range(0, 400).Select(i => i % 4 != 0).ToArray();
        var b = Enumerable.Range(0, 200).Select(i => i % 2 == 0).ToArray();

        var interval = UnpairedBootstrap.AccuracyDifference(a, b);

        Assert.Equal(0.25, interval.Estimate, 12);
        Assert.InRange(interval.Upper - interval.Lower, 2 * 0.0813 * 0.9, 2 * 0.0813 * 1.1);
        Assert.InRange((interval.Upper + interval.Lower) / 2, 0.24, 0.26);
    }

    [Fact]
    public void AccuracyDifference_RefusesEmptySets()
    {
        Assert.Throws<ArgumentException>(() => UnpairedBootstrap.AccuracyDifference([], [true]));
    }
}
