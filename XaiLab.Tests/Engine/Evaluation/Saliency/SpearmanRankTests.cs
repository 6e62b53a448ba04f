using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

public sealed class SpearmanRankTests
{
    [Fact]
    public void Correlation_HasTheTextbookValues()
    {
        Assert.Equal(1.0, SpearmanRank.Correlation([1, 2, 3, 4], [10, 20, 30, 1000]), 12);
        Assert.Equal(-1.0, SpearmanRank.Correlation([1, 2, 3, 4], [4, 3, 2, 1]), 12);
        // One swapped pair of four: 1 - 6 * 2 / (4 * 15).
        Assert.Equal(0.8, SpearmanRank.Correlation([1, 2, 3, 4], [1, 3, 2, 4]), 12);
    }

    [Fact]
    public void Correlation_AveragesTiedRanks_AndIsNaNForAConstantSeries()
    {
        // Ranks (1.5, 1.5, 3) against (1, 2, 3): Pearson = 0.866...
        Assert.Equal(Math.Sqrt(3) / 2, SpearmanRank.Correlation([5, 5, 7], [1, 2, 3]), 12);
        Assert.True(double.IsNaN(SpearmanRank.Correlation([1, 1, 1], [1, 2, 3])));
        Assert.Throws<ArgumentException>(() => SpearmanRank.Correlation([1, 2], [1, 2, 3]));
    }
}
