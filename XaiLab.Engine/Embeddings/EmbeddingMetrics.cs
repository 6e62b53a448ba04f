namespace XaiLab.Engine.Embeddings;

/// <summary>Quality metrics of a 2-D embedding against its feature space and class labels.</summary>
public static class EmbeddingMetrics
{
    /// <summary>
    /// All of <see cref="EmbeddingQuality"/>. Trustworthiness and silhouette need all pairwise distances, so above
    /// <paramref name="maxPoints"/> points every metric is computed on one seeded random subset of that size.
    /// </summary>
    /// <param name="features">Feature-space points.</param>
    /// <param name="coordinates">2-D coordinates x0, y0, x1, y1, … of the same points.</param>
    /// <param name="labels">Class index of every point.</param>
    /// <param name="neighbours">k of trustworthiness and kNN accuracy (default 5, scikit-learn's default).</param>
    /// <param name="maxPoints">Largest point count evaluated in full (default 4000).</param>
    /// <param name="seed">Seed of the subset (default 0).</param>
    public static EmbeddingQuality Evaluate(FeatureMatrix features, float[] coordinates, int[] labels, int neighbours = 5,
        int maxPoints = 4000, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(coordinates);
        ArgumentNullException.ThrowIfNull(labels);
        var embedded = FeatureMatrix.FromPoints2d(coordinates);
        CheckSameRows(features, embedded, labels);
        if (features.Rows > maxPoints)
        {
            var subset = Enumerable.Range(0, features.Rows).ToArray();
            new Random(seed).Shuffle(subset);
            subset = subset[..maxPoints];
            Array.Sort(subset);
            features = Select(features, subset);
            embedded = Select(embedded, subset);
            labels = subset.Select(i => labels[i]).ToArray();
        }
        var k = Math.Min(neighbours, features.Rows - 1);
        var silhouette = Silhouette(embedded, labels);
        return new EmbeddingQuality(
            Trustworthiness(features, embedded, k),
            KnnAccuracy(embedded, labels, k),
            KnnAccuracy(features, labels, k),
            double.IsNaN(silhouette) ? null : silhouette,
            k,
            features.Rows);
    }

    /// <summary>
    /// Trustworthiness as scikit-learn's <c>trustworthiness</c>:
    /// <c>1 - 2 / (n k (2n - 3k - 1)) Σ_i Σ_{j ∈ N_k^embedded(i)} max(0, r(i, j) - k)</c>, where <c>r(i, j)</c> is the
    /// rank of <c>j</c> among the feature-space neighbours of <c>i</c> (1 = nearest). Equal distances rank by index.
    /// </summary>
    /// <param name="features">Feature-space points.</param>
    /// <param name="embedded">The same points in the embedding.</param>
    /// <param name="neighbours">k (default 5); must be below <c>n / 2</c>.</param>
    public static double Trustworthiness(FeatureMatrix features, FeatureMatrix embedded, int neighbours = 5)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(embedded);
        var n = features.Rows;
        if (embedded.Rows != n)
        {
            throw new ArgumentException($"{embedded.Rows} embedded points for {n} feature points.", nameof(embedded));
        }
        if (neighbours < 1 || neighbours >= n / 2.0)
        {
            throw new ArgumentOutOfRangeException(nameof(neighbours), neighbours, $"k must be at least 1 and below n / 2 = {n / 2.0}.");
        }
        var (embeddedNeighbours, _) = new VantagePointTree(embedded, 0).QueryAll(neighbours);
        var penalties = new long[n];
        Parallel.For(0, n, () => new float[n], (i, _, distances) =>
        {
            var row = features.Row(i);
            for (var l = 0; l < n; l++)
            {
                distances[l] = VectorMath.SquaredDistance(row, features.Row(l));
            }
            long penalty = 0;
            for (var m = 0; m < neighbours; m++)
            {
                var j = embeddedNeighbours[i * neighbours + m];
                var target = distances[j];
                var rank = 1;
                for (var l = 0; l < n; l++)
                {
                    if (l != i && l != j && (distances[l] < target || (distances[l] == target && l < j)))
                    {
                        rank++;
                    }
                }
                penalty += Math.Max(0, rank - neighbours);
            }
            penalties[i] = penalty;
            return distances;
        }, _ => { });
        var total = penalties.Sum();
        return 1 - total * (2.0 / (n * (double)neighbours * (2.0 * n - 3.0 * neighbours - 1)));
    }

    /// <summary>
    /// Leave-one-out k-nearest-neighbour accuracy: each point is classified by the majority class of its
    /// <paramref name="neighbours"/> nearest other points; a tie goes to the tied class of the nearest of them.
    /// </summary>
    /// <param name="points">Points in any space (Euclidean distance).</param>
    /// <param name="labels">Class index of every point.</param>
    /// <param name="neighbours">k (default 5).</param>
    public static double KnnAccuracy(FeatureMatrix points, int[] labels, int neighbours = 5)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != points.Rows)
        {
            throw new ArgumentException($"{labels.Length} labels for {points.Rows} points.", nameof(labels));
        }
        var n = points.Rows;
        var k = Math.Min(neighbours, n - 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1, nameof(neighbours));
        var (nearest, _) = new VantagePointTree(points, 0).QueryAll(k);
        var correct = 0;
        for (var i = 0; i < n; i++)
        {
            var votes = new Dictionary<int, int>();
            for (var m = 0; m < k; m++)
            {
                var label = labels[nearest[i * k + m]];
                votes[label] = votes.GetValueOrDefault(label) + 1;
            }
            var best = votes.Values.Max();
            var predicted = Enumerable.Range(0, k).Select(m => labels[nearest[i * k + m]]).First(label => votes[label] == best);
            if (predicted == labels[i])
            {
                correct++;
            }
        }
        return correct / (double)n;
    }

    /// <summary>
    /// Mean silhouette coefficient with the class labels as clusters (scikit-learn's <c>silhouette_score</c>, Euclidean):
    /// <c>s(i) = (b - a) / max(a, b)</c> with <c>a</c> the mean distance to the other points of its class and <c>b</c> the
    /// smallest mean distance to another class; 0 for a point alone in its class. NaN with fewer than two classes.
    /// </summary>
    public static double Silhouette(FeatureMatrix points, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != points.Rows)
        {
            throw new ArgumentException($"{labels.Length} labels for {points.Rows} points.", nameof(labels));
        }
        var classes = labels.Distinct().Order().ToArray();
        if (classes.Length < 2)
        {
            return double.NaN;
        }
        var classIndex = classes.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index);
        var sizes = new int[classes.Length];
        foreach (var label in labels)
        {
            sizes[classIndex[label]]++;
        }
        var n = points.Rows;
        var scores = new double[n];
        Parallel.For(0, n, () => new double[classes.Length], (i, _, sums) =>
        {
            Array.Clear(sums);
            var row = points.Row(i);
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    sums[classIndex[labels[j]]] += Math.Sqrt(VectorMath.SquaredDistance(row, points.Row(j)));
                }
            }
            var own = classIndex[labels[i]];
            if (sizes[own] <= 1)
            {
                scores[i] = 0;
                return sums;
            }
            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < classes.Length; c++)
            {
                if (c != own)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }
            var denominator = Math.Max(a, b);
            scores[i] = denominator > 0 ? (b - a) / denominator : 0;
            return sums;
        }, _ => { });
        return scores.Average();
    }

    private static void CheckSameRows(FeatureMatrix features, FeatureMatrix embedded, int[] labels)
    {
        if (embedded.Rows != features.Rows || labels.Length != features.Rows)
        {
            throw new ArgumentException($"{features.Rows} feature points, {embedded.Rows} embedded points and {labels.Length} labels.");
        }
    }

    private static FeatureMatrix Select(FeatureMatrix matrix, int[] rows)
    {
        var values = new float[rows.Length * matrix.Columns];
        for (var r = 0; r < rows.Length; r++)
        {
            matrix.Row(rows[r]).CopyTo(values.AsSpan(r * matrix.Columns, matrix.Columns));
        }
        return new FeatureMatrix(values, rows.Length, matrix.Columns);
    }
}
