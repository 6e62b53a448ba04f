using XaiLab.Engine.Evaluation.Agreement;

namespace XaiLab.Tests.Engine.Evaluation.Agreement;

public sealed class KrippendorffAlphaTests
{
    /// <summary>
    /// K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section D: four observers, twelve units, values
    /// 1..5 with missing data (unit 12 has a single value and is not pairable). Published: nominal 0.743, ordinal 0.815,
    /// interval 0.849. Rows are units, columns observers A..D.
    /// </summary>
    private static readonly double?[][] Section4Data =
    [
        [1, 1, null, 1],
        [2, 2, 3, 2],
        [3, 3, 3, 3],
        [3, 3, 3, 3],
        [2, 2, 2, 2],
        [1, 2, 3, 4],
        [4, 4, 4, 4],
        [1, 1, 2, 1],
        [2, 2, 2, 2],
        [null, 5, 5, 5],
        [null, null, 1, 1],
        [null, 3, null, null],
    ];

    [Theory]
    [InlineData(AgreementLevel.Nominal, 0.743)]
    [InlineData(AgreementLevel.Ordinal, 0.815)]
    [InlineData(AgreementLevel.Interval, 0.849)]
    public void Compute_MatchesKrippendorff2011MultipleObserversExample(AgreementLevel level, double published)
    {
        Assert.Equal(published, KrippendorffAlpha.Compute(Section4Data, level), 3);
    }

    /// <summary>Krippendorff (2011), section A: two observers, ten units, binary data; published nominal alpha 0.095.</summary>
    [Fact]
    public void Compute_MatchesKrippendorff2011BinaryExample()
    {
        int[] a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
        int[] b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
        var units = a.Select((v, i) => (IReadOnlyList<double?>)[v, b[i]]).ToList();
        Assert.Equal(0.095, KrippendorffAlpha.Compute(units, AgreementLevel.Nominal), 3);
    }

    [Fact]
    public void Compute_IsOneForPerfectAgreement_AndNaNWithoutVariation()
    {
        IReadOnlyList<double?>[] perfect = [[1, 1, 1], [3, 3, null], [5, 5, 5]];
        Assert.Equal(1.0, KrippendorffAlpha.Compute(perfect, AgreementLevel.Ordinal), 12);
        IReadOnlyList<double?>[] constant = [[2, 2], [2, 2]];
        Assert.True(double.IsNaN(KrippendorffAlpha.Compute(constant, AgreementLevel.Interval)));
        IReadOnlyList<double?>[] unpairable = [[1, null], [null, 4]];
        Assert.True(double.IsNaN(KrippendorffAlpha.Compute(unpairable, AgreementLevel.Nominal)));
    }

    [Fact]
    public void Compute_OrdinalDependsOnRankNotDistance()
    {
        // Relabelling 1..3 as 1, 2, 100 keeps the order: ordinal alpha is unchanged, interval alpha is not.
        IReadOnlyList<double?>[] close = [[1, 2], [2, 2], [3, 3], [1, 1], [2, 3]];
        IReadOnlyList<double?>[] far = [[1, 2], [2, 2], [100, 100], [1, 1], [2, 100]];
        Assert.Equal(KrippendorffAlpha.Compute(close, AgreementLevel.Ordinal), KrippendorffAlpha.Compute(far, AgreementLevel.Ordinal), 12);
        Assert.NotEqual(KrippendorffAlpha.Compute(close, AgreementLevel.Interval), KrippendorffAlpha.Compute(far, AgreementLevel.Interval), 3);
    }
}
