namespace XaiLab.Engine.Embeddings;

/// <summary>Symmetric joint probabilities P in compressed sparse rows; they sum to 1 over all entries.</summary>
internal sealed record SparseAffinities(int[] RowStarts, int[] Columns, double[] Values)
{
    /// <summary>
    /// Calibrates each point's Gaussian to <paramref name="perplexity"/> over its neighbour list (row-major
    /// <c>[rows, k]</c>, squared distances) and symmetrises: <c>P = (P_cond + P_condᵀ) / sum</c>, as scikit-learn.
    /// </summary>
    public static SparseAffinities FromNeighbours(int[] neighbours, float[] squaredDistances, int rows, int k, double perplexity)
    {
        var conditional = new double[rows * k];
        Parallel.For(0, rows, i =>
            Calibrate(squaredDistances.AsSpan(i * k, k), perplexity, conditional.AsSpan(i * k, k)));

        var rowLists = new List<(int Column, double Value)>[rows];
        for (var i = 0; i < rows; i++)
        {
            rowLists[i] = new List<(int, double)>(2 * k);
        }
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var neighbour = neighbours[i * k + j];
                if (neighbour < 0)
                {
                    continue;
                }
                var value = conditional[i * k + j];
                rowLists[i].Add((neighbour, value));
                rowLists[neighbour].Add((i, value));
            }
        }
        var rowStarts = new int[rows + 1];
        var merged = new List<(int Column, double Value)>[rows];
        Parallel.For(0, rows, i =>
        {
            var list = rowLists[i];
            list.Sort((a, b) => a.Column.CompareTo(b.Column));
            var result = new List<(int, double)>(list.Count);
            foreach (var entry in list)
            {
                if (result.Count > 0 && result[^1].Item1 == entry.Column)
                {
                    result[^1] = (entry.Column, result[^1].Item2 + entry.Value);
                }
                else
                {
                    result.Add(entry);
                }
            }
            merged[i] = result;
        });
        for (var i = 0; i < rows; i++)
        {
            rowStarts[i + 1] = rowStarts[i] + merged[i].Count;
        }
        var columns = new int[rowStarts[rows]];
        var values = new double[rowStarts[rows]];
        double total = 0;
        for (var i = 0; i < rows; i++)
        {
            var offset = rowStarts[i];
            foreach (var (column, value) in merged[i])
            {
                columns[offset] = column;
                values[offset++] = value;
                total += value;
            }
        }
        total = Math.Max(total, double.Epsilon);
        for (var e = 0; e < values.Length; e++)
        {
            values[e] /= total;
        }
        return new SparseAffinities(rowStarts, columns, values);
    }

    /// <summary>
    /// Binary search for the Gaussian precision whose conditional distribution has entropy <c>log(perplexity)</c>
    /// (scikit-learn's <c>_binary_search_perplexity</c>: 100 steps, tolerance 1e-5). Distances are shifted by their
    /// minimum, which leaves the normalised distribution unchanged and avoids underflow in high dimensions.
    /// </summary>
    internal static void Calibrate(ReadOnlySpan<float> squaredDistances, double perplexity, Span<double> probabilities)
    {
        var desiredEntropy = Math.Log(perplexity);
        var minimum = double.PositiveInfinity;
        foreach (var d in squaredDistances)
        {
            if (float.IsFinite(d))
            {
                minimum = Math.Min(minimum, d);
            }
        }
        double beta = 1, betaMin = double.NegativeInfinity, betaMax = double.PositiveInfinity;
        for (var step = 0; step < 100; step++)
        {
            double sum = 0, weighted = 0;
            for (var j = 0; j < squaredDistances.Length; j++)
            {
                var shifted = float.IsFinite(squaredDistances[j]) ? squaredDistances[j] - minimum : double.PositiveInfinity;
                var p = Math.Exp(-shifted * beta);
                probabilities[j] = p;
                sum += p;
                weighted += double.IsFinite(shifted) ? shifted * p : 0;
            }
            sum = Math.Max(sum, 1e-300);
            for (var j = 0; j < probabilities.Length; j++)
            {
                probabilities[j] /= sum;
            }
            var entropy = Math.Log(sum) + beta * weighted / sum;
            var difference = entropy - desiredEntropy;
            if (Math.Abs(difference) <= 1e-5)
            {
                break;
            }
            if (difference > 0)
            {
                betaMin = beta;
                beta = double.IsPositiveInfinity(betaMax) ? beta * 2 : (beta + betaMax) / 2;
            }
            else
            {
                betaMax = beta;
                beta = double.IsNegativeInfinity(betaMin) ? beta / 2 : (beta + betaMin) / 2;
            }
        }
    }
}
