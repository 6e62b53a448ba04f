namespace XaiLab.Engine.Attribution;

/// <summary>
/// One Guided IG path (see <see cref="GuidedIntegratedGradients"/>): its position, bounds and accumulated attribution,
/// in float64 on the host as PAIR's numpy code. The caller supplies the gradient at <see cref="Position"/> each step, so
/// several paths can share one batched model call.
/// </summary>
internal sealed class GuidedPath
{
    private const double Epsilon = 1e-9;

    private readonly double fraction;
    private readonly double maxDist;
    private readonly double[] input;
    private readonly double[] baseline;
    private readonly double l1Total;
    private readonly double[] xMin;
    private readonly double[] xMax;
    private readonly double[] xOld;
    private readonly double[] gradient;
    private readonly double[] gradientActual;
    private readonly double[] absolute;
    private readonly bool[] selected;
    private readonly double[] scratch;

    public GuidedPath(double[] input, double baselineValue, double fraction, double maxDist)
    {
        this.input = input;
        this.fraction = fraction;
        this.maxDist = maxDist;
        var n = input.Length;
        baseline = Enumerable.Repeat(baselineValue, n).ToArray();
        Position = (double[])baseline.Clone();
        Attribution = new double[n];
        l1Total = L1(input, baseline);
        xMin = new double[n];
        xMax = new double[n];
        xOld = new double[n];
        gradient = new double[n];
        gradientActual = new double[n];
        absolute = new double[n];
        selected = new bool[n];
        scratch = new double[n];
    }

    /// <summary>The input equals the baseline: the path has no length and the map stays zero.</summary>
    public bool IsEmpty => l1Total == 0;

    /// <summary>Where the path is; the next step needs the gradient here.</summary>
    public double[] Position { get; }

    /// <summary>The map accumulated so far, sum of (x_new - x_old) * gradient(x_old).</summary>
    public double[] Attribution { get; }

    /// <summary>Takes step <paramref name="step"/> of <paramref name="steps"/> given the gradient at <see cref="Position"/>.</summary>
    public void Step(ReadOnlySpan<double> gradientAtPosition, int step, int steps)
    {
        var n = input.Length;
        var x = Position;
        gradientAtPosition.CopyTo(gradientActual);
        gradientAtPosition.CopyTo(gradient);
        var alpha = (step + 1.0) / steps;
        var alphaMin = Math.Max(alpha - maxDist, 0.0);
        var alphaMax = Math.Min(alpha + maxDist, 1.0);
        for (var i = 0; i < n; i++)
        {
            xMin[i] = baseline[i] + (input[i] - baseline[i]) * alphaMin;
            xMax[i] = baseline[i] + (input[i] - baseline[i]) * alphaMax;
        }
        var l1Target = l1Total * (1 - (step + 1.0) / steps);

        var gamma = double.PositiveInfinity;
        while (gamma > 1.0)
        {
            Array.Copy(x, xOld, n);
            // Features that fell behind alpha_min are pulled up to it; features equal to the input (no defined
            // alpha) count as alpha_max, as in PAIR.
            for (var i = 0; i < n; i++)
            {
                var span = input[i] - baseline[i];
                var xAlpha = span != 0 ? (x[i] - baseline[i]) / span : alphaMax;
                if (xAlpha < alphaMin)
                {
                    x[i] = xMin[i];
                }
            }

            var l1Current = L1(x, input);
            if (IsClose(l1Target, l1Current))
            {
                Accumulate();
                break;
            }

            // Features already at x_max are excluded from the selection.
            for (var i = 0; i < n; i++)
            {
                if (x[i] == xMax[i])
                {
                    gradient[i] = double.PositiveInfinity;
                }
                absolute[i] = Math.Abs(gradient[i]);
            }
            var threshold = LowerQuantile(absolute, fraction, scratch);
            var l1Selected = 0.0;
            for (var i = 0; i < n; i++)
            {
                selected[i] = Math.Abs(gradient[i]) <= threshold && !double.IsPositiveInfinity(gradient[i]);
                if (selected[i])
                {
                    l1Selected += Math.Abs(x[i] - xMax[i]);
                }
            }

            gamma = l1Selected > 0 ? (l1Current - l1Target) / l1Selected : double.PositiveInfinity;
            for (var i = 0; i < n; i++)
            {
                if (!selected[i]) continue;
                // gamma > 1: moving the selected features all the way is not enough; move them as far as allowed.
                x[i] = gamma > 1.0 ? xMax[i] : x[i] + (xMax[i] - x[i]) * gamma;
            }
            Accumulate();
        }
    }

    private void Accumulate()
    {
        for (var i = 0; i < Attribution.Length; i++)
        {
            Attribution[i] += (Position[i] - xOld[i]) * gradientActual[i];
        }
    }

    private static double L1(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }
        return sum;
    }

    // math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    private static bool IsClose(double a, double b) =>
        Math.Abs(a - b) <= Math.Max(Epsilon * Math.Max(Math.Abs(a), Math.Abs(b)), Epsilon);

    // numpy.quantile(values, q, method='lower'): the k-th smallest value, k = floor(q * (n - 1)), found by quickselect
    // in the scratch buffer (a full sort per inner iteration dominated the run time at 224 x 224).
    private static double LowerQuantile(double[] values, double q, double[] scratch)
    {
        Array.Copy(values, scratch, values.Length);
        var k = (int)Math.Floor(q * (values.Length - 1));
        int left = 0, right = scratch.Length - 1;
        while (left < right)
        {
            var pivot = MedianOfThree(scratch[left], scratch[(left + right) / 2], scratch[right]);
            int i = left, j = right;
            while (i <= j)
            {
                while (scratch[i] < pivot) i++;
                while (scratch[j] > pivot) j--;
                if (i <= j)
                {
                    (scratch[i], scratch[j]) = (scratch[j], scratch[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else break;
        }
        return scratch[k];
    }

    private static double MedianOfThree(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
