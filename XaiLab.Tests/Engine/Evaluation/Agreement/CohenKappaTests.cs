using XaiLab.Engine.Evaluation.Agreement;

namespace XaiLab.Tests.Engine.Evaluation.Agreement;

public sealed class CohenKappaTests
{
    /// <summary>
    /// Wikipedia's "Cohen's kappa" worked example: 50 grant proposals, both yes 20, first yes second no 5, first no second
    /// yes 10, both no 15; p_o = 0.7, p_e = 0.5, kappa = 0.4. And its "same percentages but different numbers" tables:
    /// (45, 15 / 25, 15) gives 0.1304 and (25, 35 / 5, 35) gives 0.2593.
    /// </summary>
    [Theory]
    [InlineData(20, 5, 10, 15, 0.4)]
    [InlineData(45, 15, 25, 15, 0.1304)]
    [InlineData(25, 35, 5, 35, 0.2593)]
    public void FromTable_MatchesTheTextbookExamples(int yesYes, int yesNo, int noYes, int noNo, double published)
    {
        var table = new[,] { { yesYes, yesNo }, { noYes, noNo } };
        Assert.Equal(published, CohenKappa.FromTable(table), 4);
        // With two categories every weighting gives the same weights, so the same kappa.
        Assert.Equal(published, CohenKappa.FromTable(table, KappaWeighting.Linear), 4);
        Assert.Equal(published, CohenKappa.FromTable(table, KappaWeighting.Quadratic), 4);
    }

    /// <summary>
    /// A 3 x 3 table worked by hand with Cohen's (1968) definition. Table (rows first rater) [[10, 5, 0], [3, 8, 4],
    /// [1, 2, 7]], n = 40; row totals 15, 15, 10; column totals 14, 15, 11.
    /// Unweighted: p_o = 25/40 = 0.625, p_e = (15*14 + 15*15 + 10*11)/1600 = 545/1600, kappa = (0.625 - 0.340625)/0.659375 = 0.43128.
    /// Linear (w = 0, 0.5, 1): observed disagreement = (0.5*(5 + 3 + 4 + 2) + 1*(0 + 1))/40 = 8/40 = 0.2; expected =
    /// sum w_ij r_i c_j / 1600 = (0.5*(15*15 + 15*14 + 15*11 + 10*15) + 1*(15*11 + 10*14))/1600 = 680/1600 = 0.425;
    /// kappa = 1 - 0.2/0.425 = 0.52941.
    /// Quadratic (w = 0, 0.25, 1): observed = (0.25*14 + 1*1)/40 = 4.5/40 = 0.1125; expected = (0.25*750 + 1*305)/1600 =
    /// 492.5/1600 = 0.3078125; kappa = 1 - 0.1125/0.3078125 = 0.63452.
    /// </summary>
    [Fact]
    public void FromTable_WeightsDisagreementsAsCohen1968()
    {
        var table = new[,] { { 10, 5, 0 }, { 3, 8, 4 }, { 1, 2, 7 } };
        Assert.Equal(0.43128, CohenKappa.FromTable(table), 5);
        Assert.Equal(0.52941, CohenKappa.FromTable(table, KappaWeighting.Linear), 5);
        Assert.Equal(0.63452, CohenKappa.FromTable(table, KappaWeighting.Quadratic), 5);
    }

    [Fact]
    public void FromRatings_BuildsTheTableOnTheScale()
    {
        int[] first = [1, 1, 2, 3, 3, 5];
        int[] second = [1, 2, 2, 3, 4, 5];
        var table = new int[5, 5];
        for (var i = 0; i < first.Length; i++) table[first[i] - 1, second[i] - 1]++;
        Assert.Equal(CohenKappa.FromTable(table, KappaWeighting.Quadratic),
            CohenKappa.FromRatings(first, second, 1, 5, KappaWeighting.Quadratic), 12);
        Assert.Equal(1.0, CohenKappa.FromRatings(first, first, 1, 5), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => CohenKappa.FromRatings([0], [1], 1, 5));
        Assert.True(double.IsNaN(CohenKappa.FromRatings([3, 3], [3, 3], 1, 5)));
    }
}
