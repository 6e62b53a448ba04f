using XaiLab.Engine.Embeddings;

namespace XaiLab.Tests.Engine.Embeddings;

public class EmbeddingMetricsTests
{
    [Fact]
    public void Trustworthiness_MatchesHandWorkedExample()
    {
        // Feature space (1-D): A=0, B=1, C=3, D=7, E=15. Embedding: A=0, C=1, B=2.4, E=4, D=6.
        // Nearest embedded neighbour (k=1) and its feature-space rank: A->C rank 2, C->A rank 2, B->C rank 2,
        // E->B rank 3, D->E rank 4. Penalties max(0, r - 1): 1 + 1 + 1 + 2 + 3 = 8.
        // T = 1 - 8 * 2 / (n k (2n - 3k - 1)) = 1 - 16 / (5 * 1 * 6).
        var features = Line(0, 1, 3, 7, 15);
        var embedded = Line(0, 2.4f, 1, 6, 4);

        var trust = EmbeddingMetrics.Trustworthiness(features, embedded, neighbours: 1);

        Assert.Equal(1 - 16.0 / 30, trust, 10);
    }

    [Fact]
    public void Trustworthiness_IsOneForAnIsometry()
    {
        var (data, _) = GaussianClusters.Create(60, 2, 3, separation: 3, seed: 2);
        var shifted = new FeatureMatrix(data.Values.Select(v => v + 10f).ToArray(), data.Rows, 2);

        Assert.Equal(1.0, EmbeddingMetrics.Trustworthiness(data, shifted, neighbours: 5), 12);
    }

    [Fact]
    public void Silhouette_MatchesHandWorkedExample()
    {
        // Class 0 at 0 and 1, class 1 at 4 and 6: s = (5-1)/5, (4-1)/4, (3.5-2)/3.5, (5.5-2)/5.5.
        var silhouette = EmbeddingMetrics.Silhouette(Line(0, 1, 4, 6), [0, 0, 1, 1]);

        Assert.Equal((0.8 + 0.75 + 1.5 / 3.5 + 3.5 / 5.5) / 4, silhouette, 6);
    }

    [Fact]
    public void Silhouette_IsNaNForOneClass() =>
        Assert.True(double.IsNaN(EmbeddingMetrics.Silhouette(Line(0, 1, 2), [3, 3, 3])));

    [Fact]
    public void KnnAccuracy_MatchesHandWorkedExample()
    {
        // k = 1 leaving each point out: 0->1 (a), 1->0 (a, tie with 2 goes to the lower index), 2->1 (a, wrong),
        // 10->11 (b), 11->10 (b): 4 of 5.
        var accuracy = EmbeddingMetrics.KnnAccuracy(Line(0, 1, 2, 10, 11), [0, 0, 1, 1, 1], neighbours: 1);

        Assert.Equal(0.8, accuracy, 12);
    }

    [Fact]
    public void Evaluate_ComputesEveryMetricOnASubsetAboveThePointLimit()
    {
        var (data, labels) = GaussianClusters.Create(300, 5, 3, separation: 5, seed: 4);
        var pca = Pca.Fit(data, 2).Projection;

        var full = EmbeddingMetrics.Evaluate(data, pca, labels);
        var subset = EmbeddingMetrics.Evaluate(data, pca, labels, maxPoints: 100);

        Assert.Equal(300, full.EvaluatedPoints);
        Assert.Equal(100, subset.EvaluatedPoints);
        Assert.True(full.KnnAccuracyFeatures > 0.95);
        Assert.True(full.Silhouette > 0.5);
        Assert.InRange(full.Trustworthiness, 0.5, 1);
    }

    private static FeatureMatrix Line(params float[] x) =>
        new(x.SelectMany(v => new[] { v, 0f }).ToArray(), x.Length, 2);
}
