namespace XaiLab.Engine.Evaluation.Agreement;

/// <summary>
/// Krippendorff's alpha reliability for any number of observers, missing values and nominal, ordinal or interval data,
/// computed from the coincidence matrix as in K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011):
/// alpha = 1 - (n - 1) * sum(o_ck * delta2_ck) / sum(n_c * n_k * delta2_ck), where o_ck counts the ordered pairs of values
/// c, k within a unit, each unit weighted by 1 / (m_u - 1) for its m_u values. Units with fewer than two values are not
/// pairable and are left out. NaN when fewer than two pairable values exist or the pairable values are all one value.
/// </summary>
public static class KrippendorffAlpha
{
    /// <summary>Alpha of reliability data given as units x observers, null where an observer gave no value.</summary>
    /// <param name="units">One row per unit (item), one entry per observer; rows may differ in length.</param>
    /// <param name="level">Level of measurement that defines the difference function.</param>
    public static double Compute(IReadOnlyList<IReadOnlyList<double?>> units, AgreementLevel level)
    {
        ArgumentNullException.ThrowIfNull(units);
        var pairable = units
            .Select(unit => unit.Where(v => v is not null).Select(v => v!.Value).ToArray())
            .Where(values => values.Length >= 2)
            .ToList();
        if (pairable.Any(values => values.Any(v => !double.IsFinite(v))))
        {
            throw new ArgumentException("Values must be finite numbers.", nameof(units));
        }
        var categories = pairable.SelectMany(v => v).Distinct().Order().ToArray();
        if (categories.Length < 2)
        {
            return double.NaN;
        }
        var index = categories.Select((value, i) => (value, i)).ToDictionary(p => p.value, p => p.i);
        var k = categories.Length;
        var coincidences = new double[k, k];
        foreach (var values in pairable)
        {
            var weight = 1.0 / (values.Length - 1);
            for (var i = 0; i < values.Length; i++)
            {
                for (var j = 0; j < values.Length; j++)
                {
                    if (i != j)
                    {
                        coincidences[index[values[i]], index[values[j]]] += weight;
                    }
                }
            }
        }
        var marginals = new double[k];
        for (var c = 0; c < k; c++)
        {
            for (var d = 0; d < k; d++)
            {
                marginals[c] += coincidences[c, d];
            }
        }
        var n = marginals.Sum();
        double observed = 0, expected = 0;
        for (var c = 0; c < k; c++)
        {
            for (var d = 0; d < k; d++)
            {
                var delta = SquaredDifference(level, categories, marginals, c, d);
                observed += coincidences[c, d] * delta;
                expected += marginals[c] * marginals[d] * delta;
            }
        }
        return expected == 0 ? double.NaN : 1 - (n - 1) * observed / expected;
    }

    /// <summary>delta^2 of values c and k (indices into the sorted distinct values) at the given level.</summary>
    private static double SquaredDifference(AgreementLevel level, double[] categories, double[] marginals, int c, int k)
    {
        if (c == k)
        {
            return 0;
        }
        switch (level)
        {
            case AgreementLevel.Nominal:
                return 1;
            case AgreementLevel.Interval:
                var difference = categories[c] - categories[k];
                return difference * difference;
            case AgreementLevel.Ordinal:
                var (low, high) = c < k ? (c, k) : (k, c);
                var between = 0.0;
                for (var g = low; g <= high; g++)
                {
                    between += marginals[g];
                }
                between -= (marginals[low] + marginals[high]) / 2;
                return between * between;
            default:
                throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level of measurement.");
        }
    }
}
