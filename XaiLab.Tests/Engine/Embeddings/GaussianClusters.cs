using XaiLab.Engine.Embeddings;

namespace XaiLab.Tests.Engine.Embeddings;

/// <summary>Isotropic Gaussian clusters with centres far apart relative to their spread.</summary>
internal static class GaussianClusters
{
    public static (FeatureMatrix Data, int[] Labels) Create(int points, int dimensions, int clusters, double separation, int seed)
    {
        var random = new Random(seed);
        var centres = new double[clusters][];
        for (var c = 0; c < clusters; c++)
        {
            centres[c] = Enumerable.Range(0, dimensions).Select(_ => separation * Normal(random)).ToArray();
        }
        var values = new float[points * dimensions];
        var labels = new int[points];
        for (var i = 0; i < points; i++)
        {
            labels[i] = i % clusters;
            for (var d = 0; d < dimensions; d++)
            {
                values[i * dimensions + d] = (float)(centres[labels[i]][d] + Normal(random));
            }
        }
        return (new FeatureMatrix(values, points, dimensions), labels);
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
