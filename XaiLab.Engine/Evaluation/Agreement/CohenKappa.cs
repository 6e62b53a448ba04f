namespace XaiLab.Engine.Evaluation.Agreement;

/// <summary>
/// Cohen's kappa of two raters: unweighted (J. Cohen, "A coefficient of agreement for nominal scales", 1960) and weighted
/// (J. Cohen, "Weighted kappa", Psychological Bulletin 70(4), 1968): kappa_w = 1 - sum(w_ij p_ij) / sum(w_ij p_i. p_.j)
/// with disagreement weights w (see <see cref="KappaWeighting"/>); with w_ij = [i != j] it is (p_o - p_e) / (1 - p_e).
/// NaN when chance disagreement is zero (both raters used one and the same category throughout).
/// </summary>
public static class CohenKappa
{
    /// <summary>Kappa of a k x k table: table[i, j] = subjects the first rater put in category i and the second in j.</summary>
    public static double FromTable(int[,] table, KappaWeighting weighting = KappaWeighting.None)
    {
        ArgumentNullException.ThrowIfNull(table);
        var k = table.GetLength(0);
        if (k < 2 || table.GetLength(1) != k)
        {
            throw new ArgumentException("Need a square table of at least two categories.", nameof(table));
        }
        double total = 0;
        var rows = new double[k];
        var columns = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                if (table[i, j] < 0) throw new ArgumentException("Counts must be non-negative.", nameof(table));
                rows[i] += table[i, j];
                columns[j] += table[i, j];
                total += table[i, j];
            }
        }
        if (total == 0)
        {
            throw new ArgumentException("The table holds no subjects.", nameof(table));
        }
        double observed = 0, expected = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var weight = Weight(weighting, i, j, k);
                observed += weight * table[i, j] / total;
                expected += weight * rows[i] / total * columns[j] / total;
            }
        }
        return expected == 0 ? double.NaN : 1 - observed / expected;
    }

    /// <summary>Kappa of paired ratings on the ordered scale <paramref name="minimum"/>..<paramref name="maximum"/>.</summary>
    public static double FromRatings(IReadOnlyList<int> first, IReadOnlyList<int> second, int minimum, int maximum,
        KappaWeighting weighting = KappaWeighting.None)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count || first.Count == 0)
        {
            throw new ArgumentException($"Need paired ratings; got {first.Count} and {second.Count}.", nameof(second));
        }
        if (maximum <= minimum)
        {
            throw new ArgumentException("The scale needs at least two categories.", nameof(maximum));
        }
        var table = new int[maximum - minimum + 1, maximum - minimum + 1];
        for (var i = 0; i < first.Count; i++)
        {
            if (first[i] < minimum || first[i] > maximum || second[i] < minimum || second[i] > maximum)
            {
                throw new ArgumentOutOfRangeException(nameof(first), $"Ratings must lie in {minimum}..{maximum}.");
            }
            table[first[i] - minimum, second[i] - minimum]++;
        }
        return FromTable(table, weighting);
    }

    private static double Weight(KappaWeighting weighting, int i, int j, int k) => weighting switch
    {
        KappaWeighting.None => i == j ? 0 : 1,
        KappaWeighting.Linear => Math.Abs(i - j) / (k - 1.0),
        KappaWeighting.Quadratic => (i - j) * (i - j) / ((k - 1.0) * (k - 1.0)),
        _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "Unknown weighting."),
    };
}
