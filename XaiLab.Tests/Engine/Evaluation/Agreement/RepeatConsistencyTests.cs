using XaiLab.Engine.Evaluation.Agreement;

namespace XaiLab.Tests.Engine.Evaluation.Agreement;

public sealed class RepeatConsistencyTests
{
    [Fact]
    public void Compute_ComparesFirstAndRepeatedRatings()
    {
        var result = RepeatConsistency.Compute([(1, 1), (2, 3), (5, 5), (4, 2)], 1, 5);
        Assert.Equal(4, result.Pairs);
        Assert.Equal(0.5, result.ExactAgreement, 12);
        Assert.Equal(0.75, result.MeanAbsoluteDifference, 12);
        Assert.Equal(CohenKappa.FromRatings([1, 2, 5, 4], [1, 3, 5, 2], 1, 5, KappaWeighting.Quadratic), result.WeightedKappa, 12);
    }

    [Fact]
    public void Compute_IsUndefinedWithoutPairs()
    {
        var none = RepeatConsistency.Compute([], 1, 5);
        Assert.Equal(0, none.Pairs);
        Assert.True(double.IsNaN(none.ExactAgreement));
        Assert.True(double.IsNaN(RepeatConsistency.Compute([(3, 3)], 1, 5).WeightedKappa));
    }
}
