namespace XaiLab.Engine.Embeddings;

/// <summary>
/// t-distributed stochastic neighbour embedding into two dimensions (van der Maaten &amp; Hinton 2008), exact or with
/// the Barnes-Hut approximation (van der Maaten 2014): vantage-point-tree neighbours, sparse affinities and quadtree
/// repulsion. The optimiser is scikit-learn 1.2's: early exaggeration with momentum 0.5, then momentum 0.8, per-
/// coordinate gains (+0.2 on a sign change, ×0.8 otherwise, at least 0.01), reset when the phase changes.
/// Work over points runs in parallel; every sum is reduced in a fixed order, so a seed gives bit-identical output.
/// </summary>
public static class Tsne
{
    /// <summary>Embeds the rows of <paramref name="data"/> into two dimensions.</summary>
    /// <param name="data">At least two points.</param>
    /// <param name="options">Parameters; <c>null</c> means the defaults of <see cref="TsneOptions"/>.</param>
    /// <param name="progress">Receives the completed fraction (0..1) every ten iterations.</param>
    /// <param name="cancellationToken">Checked every iteration.</param>
    public static TsneResult Embed(FeatureMatrix data, TsneOptions? options = null, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TsneOptions();
        var n = data.Rows;
        options.Validate(n);
        var method = options.EffectiveMethod(n);
        var learningRate = options.EffectiveLearningRate(n);

        int neighbours;
        SparseAffinities affinities;
        if (method == TsneMethod.Exact)
        {
            neighbours = n - 1;
            var (indices, distances) = AllPairs(data);
            affinities = SparseAffinities.FromNeighbours(indices, distances, n, neighbours, options.Perplexity);
        }
        else
        {
            neighbours = Math.Min(n - 1, (int)(3 * options.Perplexity + 1));
            var (indices, distances) = new VantagePointTree(data, options.Seed).QueryAll(neighbours);
            affinities = SparseAffinities.FromNeighbours(indices, distances, n, neighbours, options.Perplexity);
        }
        cancellationToken.ThrowIfCancellationRequested();

        var positions = Initialise(data, options);
        var gradient = new double[2 * n];
        var update = new double[2 * n];
        var gains = new double[2 * n];
        var attraction = new double[2 * n];
        var repulsion = new double[2 * n];
        var normalisers = new double[n];
        var exaggerated = Math.Min(options.EarlyExaggerationIterations, options.Iterations);
        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (iteration == 0 || iteration == exaggerated)
            {
                Array.Clear(update);
                Array.Fill(gains, 1.0);
            }
            var exaggeration = iteration < exaggerated ? options.EarlyExaggeration : 1.0;
            var momentum = iteration < exaggerated ? 0.5 : 0.8;
            Attract(affinities, positions, attraction);
            if (method == TsneMethod.Exact)
            {
                RepelExactly(positions, repulsion, normalisers);
            }
            else
            {
                RepelBarnesHut(positions, options.Theta, repulsion, normalisers);
            }
            double z = 0;
            for (var i = 0; i < n; i++)
            {
                z += normalisers[i];
            }
            z = Math.Max(z, double.Epsilon);
            for (var c = 0; c < gradient.Length; c++)
            {
                var g = 4 * (exaggeration * attraction[c] - repulsion[c] / z);
                gains[c] = update[c] * g < 0 ? gains[c] + 0.2 : Math.Max(gains[c] * 0.8, 0.01);
                update[c] = momentum * update[c] - learningRate * gains[c] * g;
                positions[c] += update[c];
            }
            if (progress is not null && (iteration + 1) % 10 == 0)
            {
                progress.Report((iteration + 1) / (double)options.Iterations);
            }
        }
        return new TsneResult(positions.Select(p => (float)p).ToArray(), method, learningRate, neighbours);
    }

    private static (int[] Indices, float[] Distances) AllPairs(FeatureMatrix data)
    {
        var n = data.Rows;
        var indices = new int[n * (n - 1)];
        var distances = new float[n * (n - 1)];
        Parallel.For(0, n, i =>
        {
            var offset = i * (n - 1);
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }
                indices[offset] = j;
                distances[offset++] = VectorMath.SquaredDistance(data.Row(i), data.Row(j));
            }
        });
        return (indices, distances);
    }

    private static double[] Initialise(FeatureMatrix data, TsneOptions options)
    {
        var n = data.Rows;
        var positions = new double[2 * n];
        if (options.Initialization == TsneInitialization.Pca && Math.Min(data.Rows, data.Columns) >= 2)
        {
            var projection = Pca.Fit(data, 2, seed: options.Seed).Projection;
            double mean = 0, squares = 0;
            for (var i = 0; i < n; i++)
            {
                mean += projection[2 * i];
            }
            mean /= n;
            for (var i = 0; i < n; i++)
            {
                squares += (projection[2 * i] - mean) * (projection[2 * i] - mean);
            }
            var std = Math.Sqrt(squares / n);
            if (std > 0)
            {
                for (var c = 0; c < positions.Length; c++)
                {
                    positions[c] = projection[c] / std * 1e-4;
                }
                return positions;
            }
        }
        var random = new Random(options.Seed);
        for (var c = 0; c < positions.Length; c++)
        {
            positions[c] = 1e-4 * Pca.Gaussian(random);
        }
        return positions;
    }

    private static void Attract(SparseAffinities p, double[] positions, double[] attraction) =>
        Parallel.For(0, positions.Length / 2, i =>
        {
            double fx = 0, fy = 0;
            var x = positions[2 * i];
            var y = positions[2 * i + 1];
            for (var e = p.RowStarts[i]; e < p.RowStarts[i + 1]; e++)
            {
                var j = p.Columns[e];
                var dx = x - positions[2 * j];
                var dy = y - positions[2 * j + 1];
                var weight = p.Values[e] / (1 + dx * dx + dy * dy);
                fx += weight * dx;
                fy += weight * dy;
            }
            attraction[2 * i] = fx;
            attraction[2 * i + 1] = fy;
        });

    private static void RepelExactly(double[] positions, double[] repulsion, double[] normalisers) =>
        Parallel.For(0, positions.Length / 2, i =>
        {
            double fx = 0, fy = 0, z = 0;
            var x = positions[2 * i];
            var y = positions[2 * i + 1];
            for (var j = 0; j < positions.Length / 2; j++)
            {
                if (j == i)
                {
                    continue;
                }
                var dx = x - positions[2 * j];
                var dy = y - positions[2 * j + 1];
                var q = 1 / (1 + dx * dx + dy * dy);
                z += q;
                fx += q * q * dx;
                fy += q * q * dy;
            }
            repulsion[2 * i] = fx;
            repulsion[2 * i + 1] = fy;
            normalisers[i] = z;
        });

    private static void RepelBarnesHut(double[] positions, double theta, double[] repulsion, double[] normalisers)
    {
        var tree = new BarnesHutTree(positions);
        var n = positions.Length / 2;
        var chunks = Math.Min(n, Environment.ProcessorCount * 8);
        Parallel.For(0, chunks, chunk =>
        {
            var stack = new int[BarnesHutTree.StackSize];
            Span<double> force = stackalloc double[2];
            for (var i = (int)((long)chunk * n / chunks); i < (int)((long)(chunk + 1) * n / chunks); i++)
            {
                force.Clear();
                normalisers[i] = tree.Repulsion(i, theta, force, stack);
                repulsion[2 * i] = force[0];
                repulsion[2 * i + 1] = force[1];
            }
        });
    }
}
