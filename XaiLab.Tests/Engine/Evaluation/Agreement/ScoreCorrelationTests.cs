using XaiLab.Engine.Evaluation.Agreement;

namespace XaiLab.Tests.Engine.Evaluation.Agreement;

public sealed class ScoreCorrelationTests
{
    [Fact]
    public void Compute_IsSpearmansRhoOverFinitePairs()
    {
        // One swapped pair among four: rho = 1 - 6 * 2 / (4 * 15) = 0.8; the NaN pair is left out.
        var result = ScoreCorrelation.Compute([1, 2, 3, 4, 5], [0.1, 0.3, 0.2, 0.4, double.NaN]);
        Assert.Equal(0.8, result.Rho, 12);
        Assert.Equal(4, result.Count);
        // Fisher z with SE sqrt(1.06 / 1): tanh(atanh(0.8) -+ 1.95996 * 1.02956).
        Assert.Equal(Math.Tanh(Math.Atanh(0.8) - 1.959964 * Math.Sqrt(1.06)), result.Lower, 5);
        Assert.Equal(Math.Tanh(Math.Atanh(0.8) + 1.959964 * Math.Sqrt(1.06)), result.Upper, 5);
    }

    [Fact]
    public void Compute_IsUndefinedForTooFewPairs_AndNormalQuantileIsAccurate()
    {
        Assert.True(double.IsNaN(ScoreCorrelation.Compute([1, 2], [1, 2]).Rho));
        Assert.Equal(1.959964, ScoreCorrelation.NormalQuantile(0.975), 6);
        Assert.Equal(-2.326348, ScoreCorrelation.NormalQuantile(0.01), 6);
        Assert.Equal(0.0, ScoreCorrelation.NormalQuantile(0.5), 12);
    }
}
