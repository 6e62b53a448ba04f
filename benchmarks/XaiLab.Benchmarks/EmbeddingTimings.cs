using System.Diagnostics;
using XaiLab.Engine.Embeddings;

namespace XaiLab.Benchmarks;

/// <summary>
/// t-SNE speed and quality on clustered random data shaped like the paper's feature sets: 3,064 x 1,024 (figshare) and
/// 19,820 x 1,024 (COVID-19 radiography). Smoke mode embeds 300 points.
/// </summary>
internal static class EmbeddingTimings
{
    public static IEnumerable<Measurement> Tsne(BenchmarkOptions options)
    {
        int[] sizes = options.Smoke ? [300] : [3064, 19820];
        foreach (var points in sizes)
        {
            var (data, labels) = Clustered(points, options.Smoke ? 64 : 1024, classes: 3, seed: 42);
            var load = Timing.LoadAverage();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = XaiLab.Engine.Embeddings.Tsne.Embed(data, new TsneOptions { Seed = 0 });
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var quality = EmbeddingMetrics.Evaluate(data, result.Coordinates, labels);
            yield return new Measurement("tsne", $"t-SNE ({result.Method})", $"{points}x{data.Columns}", 0, seconds, "s", load, cpuSeconds);
            yield return new Measurement("tsne", "trustworthiness (k=5)", $"{points}x{data.Columns}", 0, quality.Trustworthiness, "", load);
            yield return new Measurement("tsne", "kNN accuracy in 2-D", $"{points}x{data.Columns}", 0, quality.KnnAccuracy2d, "", load);
        }
    }

    /// <summary>Three classes, each a mixture of eight sub-clusters with noise: neighbourhoods matter at two scales.</summary>
    private static (FeatureMatrix Data, int[] Labels) Clustered(int points, int dimensions, int classes, int seed)
    {
        var random = new Random(seed);
        var subclusters = classes * 8;
        var centres = new float[subclusters][];
        for (var c = 0; c < subclusters; c++)
        {
            centres[c] = Enumerable.Range(0, dimensions).Select(_ => (float)(0.15 * Normal(random))).ToArray();
            if (c >= classes)
            {
                var parent = centres[c % classes];
                for (var d = 0; d < dimensions; d++)
                {
                    centres[c][d] += parent[d];
                }
            }
        }
        var values = new float[points * dimensions];
        var labels = new int[points];
        for (var i = 0; i < points; i++)
        {
            var cluster = random.Next(subclusters);
            labels[i] = cluster % classes;
            for (var d = 0; d < dimensions; d++)
            {
                values[i * dimensions + d] = centres[cluster][d] * 4 + (float)(0.5 * Normal(random));
            }
        }
        return (new FeatureMatrix(values, points, dimensions), labels);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
