namespace XaiLab.Engine.Embeddings;

/// <summary>
/// Principal component analysis by randomised subspace iteration (Halko, Martinsson &amp; Tropp 2011): the centred data
/// is multiplied onto a random block of <c>components + 10</c> vectors, re-orthonormalised after every pass, and the
/// exact eigen-decomposition of the small projected covariance gives the axes (Rayleigh-Ritz). This needs
/// <c>O(rows * columns * components)</c> work per pass, never the <c>columns x columns</c> covariance.
/// </summary>
public static class Pca
{
    private const int Oversampling = 10;

    /// <summary>Fits the top <paramref name="components"/> principal axes of <paramref name="data"/> and projects it.</summary>
    /// <param name="data">The points, one per row.</param>
    /// <param name="components">Number of axes to keep (default 2); capped at <c>min(rows, columns)</c>.</param>
    /// <param name="iterations">Subspace-iteration passes (default 12; scikit-learn's randomised solver uses 4 to 7).</param>
    /// <param name="seed">Seed of the random starting block (default 0). Results hardly depend on it once converged,
    /// and the sign convention makes them reproducible.</param>
    public static PcaResult Fit(FeatureMatrix data, int components = 2, int iterations = 12, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        var rows = data.Rows;
        var columns = data.Columns;
        var rank = Math.Min(rows, columns);
        var kept = Math.Min(components, rank);
        var block = Math.Min(kept + Oversampling, rank);

        var mean = ColumnMeans(data);
        var centred = new float[data.Values.Length];
        Parallel.For(0, rows, i =>
        {
            var source = data.Row(i);
            var target = centred.AsSpan(i * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                target[c] = source[c] - mean[c];
            }
        });

        var random = new Random(seed);
        var basis = new float[block * columns];
        for (var j = 0; j < basis.Length; j++)
        {
            basis[j] = (float)Gaussian(random);
        }
        Orthonormalise(basis, block, columns);
        var scores = new float[rows * block];
        for (var pass = 0; pass < iterations; pass++)
        {
            Project(centred, rows, columns, basis, block, scores);
            BackProject(centred, rows, columns, scores, block, basis);
            Orthonormalise(basis, block, columns);
        }
        Project(centred, rows, columns, basis, block, scores);

        var covariance = new double[block, block];
        var denominator = Math.Max(rows - 1, 1);
        for (var a = 0; a < block; a++)
        {
            for (var b = a; b < block; b++)
            {
                double sum = 0;
                for (var i = 0; i < rows; i++)
                {
                    sum += (double)scores[i * block + a] * scores[i * block + b];
                }
                covariance[a, b] = covariance[b, a] = sum / denominator;
            }
        }
        var (values, vectors) = SymmetricEigen.Decompose(covariance);

        var axes = new float[kept * columns];
        var projection = new float[rows * kept];
        for (var c = 0; c < kept; c++)
        {
            var axis = new double[columns];
            for (var j = 0; j < block; j++)
            {
                var weight = vectors[j, c];
                for (var f = 0; f < columns; f++)
                {
                    axis[f] += weight * basis[j * columns + f];
                }
            }
            var largest = 0;
            for (var f = 1; f < columns; f++)
            {
                if (Math.Abs(axis[f]) > Math.Abs(axis[largest]))
                {
                    largest = f;
                }
            }
            var sign = axis[largest] < 0 ? -1.0 : 1.0;
            for (var f = 0; f < columns; f++)
            {
                axes[c * columns + f] = (float)(sign * axis[f]);
            }
            for (var i = 0; i < rows; i++)
            {
                double sum = 0;
                for (var j = 0; j < block; j++)
                {
                    sum += scores[i * block + j] * vectors[j, c];
                }
                projection[i * kept + c] = (float)(sign * sum);
            }
        }
        var variances = values.Take(kept).Select(v => Math.Max(v, 0)).ToArray();
        return new PcaResult(projection, axes, mean, variances);
    }

    private static float[] ColumnMeans(FeatureMatrix data)
    {
        var sums = new double[data.Columns];
        for (var i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            for (var c = 0; c < sums.Length; c++)
            {
                sums[c] += row[c];
            }
        }
        return sums.Select(s => (float)(s / data.Rows)).ToArray();
    }

    private static void Project(float[] centred, int rows, int columns, float[] basis, int block, float[] scores) =>
        Parallel.For(0, rows, i =>
        {
            var row = centred.AsSpan(i * columns, columns);
            for (var j = 0; j < block; j++)
            {
                scores[i * block + j] = VectorMath.Dot(row, basis.AsSpan(j * columns, columns));
            }
        });

    private static void BackProject(float[] centred, int rows, int columns, float[] scores, int block, float[] basis) =>
        Parallel.For(0, block, j =>
        {
            var target = basis.AsSpan(j * columns, columns);
            target.Clear();
            for (var i = 0; i < rows; i++)
            {
                VectorMath.AddScaled(target, centred.AsSpan(i * columns, columns), scores[i * block + j]);
            }
        });

    // Modified Gram-Schmidt, twice, in double precision; a vector that collapses is replaced by a unit vector.
    private static void Orthonormalise(float[] basis, int block, int columns)
    {
        var vectors = new double[block][];
        for (var j = 0; j < block; j++)
        {
            vectors[j] = new double[columns];
            for (var f = 0; f < columns; f++)
            {
                vectors[j][f] = basis[j * columns + f];
            }
        }
        for (var round = 0; round < 2; round++)
        {
            for (var j = 0; j < block; j++)
            {
                for (var previous = 0; previous < j; previous++)
                {
                    double dot = 0;
                    for (var f = 0; f < columns; f++)
                    {
                        dot += vectors[j][f] * vectors[previous][f];
                    }
                    for (var f = 0; f < columns; f++)
                    {
                        vectors[j][f] -= dot * vectors[previous][f];
                    }
                }
                var norm = Math.Sqrt(vectors[j].Sum(x => x * x));
                if (norm < 1e-12)
                {
                    Array.Clear(vectors[j]);
                    vectors[j][j % columns] = 1;
                    continue;
                }
                for (var f = 0; f < columns; f++)
                {
                    vectors[j][f] /= norm;
                }
            }
        }
        for (var j = 0; j < block; j++)
        {
            for (var f = 0; f < columns; f++)
            {
                basis[j * columns + f] = (float)vectors[j][f];
            }
        }
    }

    internal static double Gaussian(Random random)
    {
        // Box-Muller; 1 - NextDouble() keeps the logarithm finite.
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
