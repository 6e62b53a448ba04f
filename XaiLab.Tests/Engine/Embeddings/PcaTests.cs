using XaiLab.Engine.Embeddings;

namespace XaiLab.Tests.Engine.Embeddings;

public class PcaTests
{
    // Orthonormal axes with standard deviations 10, 3 and 0.3 around a mean of (5, -3, 2).
    private static readonly double[][] Axes = [[0.6, 0.8, 0], [-0.8, 0.6, 0], [0, 0, 1]];
    private static readonly double[] Spreads = [10, 3, 0.3];
    private static readonly double[] Mean = [5, -3, 2];

    [Fact]
    public void Fit_RecoversKnownAxesWithLargestCoefficientPositive()
    {
        var data = SampleAlongAxes(400, seed: 3);

        var pca = Pca.Fit(data, components: 2);

        // The second axis' largest coefficient (-0.8) is negative, so the sign convention flips it.
        AssertClose([0.6, 0.8, 0], pca.Components.AsSpan(0, 3), 0.02);
        AssertClose([0.8, -0.6, 0], pca.Components.AsSpan(3, 3), 0.02);
        Assert.InRange(pca.ExplainedVariance[0], 80, 120);
        Assert.InRange(pca.ExplainedVariance[1], 7, 11);
        AssertClose(Mean, pca.Mean, 2.0);
    }

    [Fact]
    public void Fit_ProjectsCentredPointsOntoTheAxes()
    {
        var data = SampleAlongAxes(200, seed: 5);

        var pca = Pca.Fit(data, components: 2);

        for (var i = 0; i < data.Rows; i += 17)
        {
            for (var c = 0; c < 2; c++)
            {
                double expected = 0;
                for (var f = 0; f < 3; f++)
                {
                    expected += (data.Row(i)[f] - pca.Mean[f]) * pca.Components[c * 3 + f];
                }
                Assert.Equal(expected, pca.Projection[i * 2 + c], 3);
            }
        }
    }

    [Fact]
    public void Fit_IsIndependentOfTheStartingSeed()
    {
        var data = SampleAlongAxes(300, seed: 7);

        var first = Pca.Fit(data, components: 2, seed: 1);
        var second = Pca.Fit(data, components: 2, seed: 99);

        AssertClose(first.Components.Select(v => (double)v).ToArray(), second.Components, 1e-4);
    }

    private static FeatureMatrix SampleAlongAxes(int points, int seed)
    {
        var random = new Random(seed);
        var values = new float[points * 3];
        for (var i = 0; i < points; i++)
        {
            var coordinates = Spreads.Select(s => s * GaussianClusters.Normal(random)).ToArray();
            for (var f = 0; f < 3; f++)
            {
                values[i * 3 + f] = (float)(Mean[f] + Enumerable.Range(0, 3).Sum(a => coordinates[a] * Axes[a][f]));
            }
        }
        return new FeatureMatrix(values, points, 3);
    }

    private static void AssertClose(double[] expected, ReadOnlySpan<float> actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.InRange(actual[i], expected[i] - tolerance, expected[i] + tolerance);
        }
    }
}
