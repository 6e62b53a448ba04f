using System.Diagnostics;
using XaiLab.Engine.Embeddings;

// t-SNE speed and quality on clustered random data, the shape of the figshare features (3,064 x 1,024) and of the
// COVID-19 radiography set (19,820 points). Usage: dotnet run -c Release --project benchmarks/XaiLab.Benchmarks [points...]
var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [3064, 19820];
foreach (var points in sizes)
{
    var (data, labels) = Clustered(points, 1024, 3, seed: 42);
    var stopwatch = Stopwatch.StartNew();
    var result = Tsne.Embed(data, new TsneOptions { Seed = 0 });
    var seconds = stopwatch.Elapsed.TotalSeconds;
    var quality = EmbeddingMetrics.Evaluate(data, result.Coordinates, labels);
    Console.WriteLine(
        $"{points} x 1024: t-SNE {result.Method} {seconds:F1} s, trustworthiness {quality.Trustworthiness:F4} " +
        $"(k={quality.Neighbours} on {quality.EvaluatedPoints} points), kNN 2-D {quality.KnnAccuracy2d:F3}, " +
        $"kNN features {quality.KnnAccuracyFeatures:F3}, silhouette {quality.Silhouette:F3}, " +
        $"loadavg {File.ReadAllText("/proc/loadavg").Trim()}");
}

// Three classes, each a mixture of eight sub-clusters with unit noise: neighbourhoods matter at two scales.
static (FeatureMatrix Data, int[] Labels) Clustered(int points, int dimensions, int classes, int seed)
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

static double Normal(Random random) =>
    Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
