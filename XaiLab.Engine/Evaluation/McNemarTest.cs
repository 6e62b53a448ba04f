namespace XaiLab.Engine.Evaluation;

/// <summary>
/// McNemar's test of two classifiers on the same samples: b = samples only A classifies correctly, c = only B. Exact:
/// two-sided binomial test of b against Binomial(b + c, 1/2) (statsmodels' <c>mcnemar(exact=True)</c>). Chi-square:
/// (max(0, |b - c| - 1))^2 / (b + c) with Edwards' continuity correction, one degree of freedom; statsmodels omits the
/// max, which only differs when b = c (both then mean "no evidence").
/// </summary>
public static class McNemarTest
{
    /// <summary>Counts and p-values for predictions <paramref name="a"/> and <paramref name="b"/> of <paramref name="labels"/>.</summary>
    public static McNemarResult Compute(IReadOnlyList<int> labels, IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != labels.Count || b.Count != labels.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {a.Count} and {b.Count} predictions.");
        }
        int onlyA = 0, onlyB = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var aRight = a[i] == labels[i];
            var bRight = b[i] == labels[i];
            if (aRight && !bRight) onlyA++;
            if (bRight && !aRight) onlyB++;
        }
        return FromCounts(onlyA, onlyB);
    }

    /// <summary>The test from the discordant counts.</summary>
    public static McNemarResult FromCounts(int onlyA, int onlyB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onlyA);
        ArgumentOutOfRangeException.ThrowIfNegative(onlyB);
        var n = onlyA + onlyB;
        if (n == 0)
        {
            return new McNemarResult(0, 0, 1, 0, 1);
        }
        // Two-sided exact p: twice the smaller tail, capped at 1; log-space so large n does not overflow.
        var k = Math.Min(onlyA, onlyB);
        var tail = 0.0;
        for (var i = 0; i <= k; i++)
        {
            tail += Math.Exp(LogChoose(n, i) - n * Math.Log(2));
        }
        var exact = Math.Min(1, 2 * tail);
        var corrected = Math.Max(0, Math.Abs(onlyA - onlyB) - 1);
        var statistic = corrected * (double)corrected / n;
        return new McNemarResult(onlyA, onlyB, exact, statistic, Erfc(Math.Sqrt(statistic / 2)));
    }

    private static double LogChoose(int n, int k)
    {
        var sum = 0.0;
        for (var i = 1; i <= k; i++)
        {
            sum += Math.Log(n - k + i) - Math.Log(i);
        }
        return sum;
    }

    /// <summary>Complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7).</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
