using XaiLab.Engine.Evaluation.Agreement;

namespace XaiLab.Tests.Engine.Evaluation.Agreement;

public sealed class FleissKappaTests
{
    /// <summary>
    /// The worked example of Wikipedia's "Fleiss' kappa" article (after Fleiss 1971): 14 raters put 10 subjects into 5
    /// categories; P = 0.378, Pe = 0.213, kappa = 0.210.
    /// </summary>
    [Fact]
    public void Compute_MatchesTheWorkedExample()
    {
        int[][] counts =
        [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        Assert.Equal(0.210, FleissKappa.Compute(counts), 3);
    }

    [Fact]
    public void Compute_IsOneForUnanimousSubjects_AndRejectsUnequalRaterCounts()
    {
        int[][] unanimous = [[3, 0], [0, 3], [3, 0]];
        Assert.Equal(1.0, FleissKappa.Compute(unanimous), 12);
        int[][] uneven = [[2, 1], [1, 1]];
        Assert.Throws<ArgumentException>(() => FleissKappa.Compute(uneven));
        int[][] oneCategory = [[2, 0], [2, 0]];
        Assert.True(double.IsNaN(FleissKappa.Compute(oneCategory)));
    }
}
