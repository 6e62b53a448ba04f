namespace XaiLab.Engine.Evaluation.Agreement;

/// <summary>
/// Fleiss' kappa for a fixed number of raters per subject (J. L. Fleiss, "Measuring nominal scale agreement among many
/// raters", Psychological Bulletin 76(5), 1971): kappa = (P - Pe) / (1 - Pe), P the mean over subjects of the proportion
/// of agreeing rater pairs, Pe the sum of squared category proportions. Categories are nominal. NaN when Pe = 1 (every
/// rating in one category).
/// </summary>
public static class FleissKappa
{
    /// <summary>Kappa of a subjects x categories table of rating counts.</summary>
    /// <param name="counts">counts[i][j]: raters who put subject i in category j; every row sums to the same n &gt;= 2.</param>
    public static double Compute(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            throw new ArgumentException("Need at least one subject.", nameof(counts));
        }
        var categories = counts[0].Count;
        var raters = counts[0].Sum();
        if (raters < 2)
        {
            throw new ArgumentException("Every subject needs at least two ratings.", nameof(counts));
        }
        foreach (var row in counts)
        {
            if (row.Count != categories || row.Sum() != raters || row.Any(c => c < 0))
            {
                throw new ArgumentException($"Every subject needs {raters} non-negative counts over {categories} categories.", nameof(counts));
            }
        }
        var subjects = counts.Count;
        var agreement = 0.0;
        var totals = new double[categories];
        foreach (var row in counts)
        {
            var pairs = 0.0;
            for (var j = 0; j < categories; j++)
            {
                pairs += row[j] * (row[j] - 1.0);
                totals[j] += row[j];
            }
            agreement += pairs / (raters * (raters - 1.0));
        }
        var observed = agreement / subjects;
        var chance = totals.Sum(t => Math.Pow(t / (subjects * (double)raters), 2));
        return chance >= 1 ? double.NaN : (observed - chance) / (1 - chance);
    }
}
