using XaiLab.Engine.Evaluation;

namespace XaiLab.Tests.Engine.Evaluation;

public class McNemarTestTests
{
    [Fact]
    public void FromCounts_MatchesHandWorkedValues()
    {
        // b = 10, c = 2: exact p = 2 * (C(12,0) + C(12,1) + C(12,2)) / 2^12 = 158 / 4096;
        // chi2 = (|10 - 2| - 1)^2 / 12 = 49 / 12, p = erfc(sqrt(chi2 / 2)) = 0.0433081428 (scipy.stats.chi2.sf).
        var result = McNemarTest.FromCounts(10, 2);

        Assert.Equal(158 / 4096.0, result.ExactPValue, 12);
        Assert.Equal(49 / 12.0, result.ChiSquare, 12);
        Assert.Equal(0.04330814281079198, result.ChiSquarePValue, 7);
    }

    [Fact]
    public void Compute_CountsOnlyDiscordantSamples()
    {
        int[] labels = [0, 1, 2, 0, 1, 2];
        int[] a = [0, 1, 2, 1, 1, 0];
        int[] b = [0, 0, 2, 0, 2, 0];

        var result = McNemarTest.Compute(labels, a, b);

        Assert.Equal((2, 1), (result.OnlyA, result.OnlyB));
        Assert.Equal(1.0, result.ExactPValue, 12);
        Assert.Equal(0, result.ChiSquare);
    }

    [Fact]
    public void FromCounts_NoDisagreement_IsNoEvidence()
    {
        Assert.Equal(new McNemarResult(0, 0, 1, 0, 1), McNemarTest.FromCounts(0, 0));
        Assert.Equal(1.0, McNemarTest.FromCounts(5, 5).ChiSquarePValue, 7);
    }
}
