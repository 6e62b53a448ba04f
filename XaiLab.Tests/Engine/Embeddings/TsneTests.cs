using XaiLab.Engine.Embeddings;

namespace XaiLab.Tests.Engine.Embeddings;

public class TsneTests
{
    private static readonly TsneOptions Quick = new() { Iterations = 500, Perplexity = 20 };

    [Fact]
    public void Embed_BarnesHutSeparatesWellSeparatedGaussianClusters()
    {
        var (data, labels) = GaussianClusters.Create(600, 20, 4, separation: 4, seed: 11);

        var result = Tsne.Embed(data, Quick with { Method = TsneMethod.BarnesHut });

        Assert.Equal(TsneMethod.BarnesHut, result.Method);
        Assert.Equal(61, result.Neighbours);
        Assert.Equal(1200, result.Coordinates.Length);
        Assert.All(result.Coordinates, c => Assert.True(float.IsFinite(c)));
        Assert.True(EmbeddingMetrics.KnnAccuracy(FeatureMatrix.FromPoints2d(result.Coordinates), labels) > 0.95);
        Assert.True(EmbeddingMetrics.Silhouette(FeatureMatrix.FromPoints2d(result.Coordinates), labels) > 0.5);
    }

    [Fact]
    public void Embed_ExactSeparatesWellSeparatedGaussianClusters()
    {
        var (data, labels) = GaussianClusters.Create(150, 10, 3, separation: 4, seed: 12);

        var result = Tsne.Embed(data, Quick);

        Assert.Equal(TsneMethod.Exact, result.Method);
        Assert.Equal(149, result.Neighbours);
        Assert.True(EmbeddingMetrics.KnnAccuracy(FeatureMatrix.FromPoints2d(result.Coordinates), labels) > 0.95);
    }

    [Fact]
    public void Embed_PreservesNeighbourhoodsAsWellAsPca()
    {
        var (data, _) = GaussianClusters.Create(400, 30, 5, separation: 1.5, seed: 13);

        var tsne = Tsne.Embed(data, Quick with { Method = TsneMethod.BarnesHut });
        var pca = Pca.Fit(data, 2).Projection;

        var tsneTrust = EmbeddingMetrics.Trustworthiness(data, FeatureMatrix.FromPoints2d(tsne.Coordinates));
        var pcaTrust = EmbeddingMetrics.Trustworthiness(data, FeatureMatrix.FromPoints2d(pca));
        Assert.True(tsneTrust > pcaTrust, $"t-SNE {tsneTrust} vs PCA {pcaTrust}");
        Assert.True(tsneTrust > 0.85, $"t-SNE {tsneTrust}");
    }

    [Fact]
    public void Embed_IsDeterministicForASeed()
    {
        var (data, _) = GaussianClusters.Create(200, 8, 3, separation: 3, seed: 14);
        var options = Quick with { Method = TsneMethod.BarnesHut, Initialization = TsneInitialization.Random, Iterations = 150 };

        var first = Tsne.Embed(data, options with { Seed = 5 });
        var second = Tsne.Embed(data, options with { Seed = 5 });
        var other = Tsne.Embed(data, options with { Seed = 6 });

        Assert.Equal(first.Coordinates, second.Coordinates);
        Assert.NotEqual(first.Coordinates, other.Coordinates);
    }

    [Fact]
    public void Embed_AutoLearningRateFollowsScikitLearn()
    {
        Assert.Equal(50, new TsneOptions().EffectiveLearningRate(1000));
        Assert.Equal(3064 / 12.0 / 4, new TsneOptions().EffectiveLearningRate(3064), 10);
        Assert.Equal(TsneMethod.Exact, new TsneOptions().EffectiveMethod(500));
        Assert.Equal(TsneMethod.BarnesHut, new TsneOptions().EffectiveMethod(501));
    }

    [Fact]
    public void Embed_RejectsPerplexityNotBelowThePointCount()
    {
        var (data, _) = GaussianClusters.Create(20, 3, 2, separation: 3, seed: 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => Tsne.Embed(data, new TsneOptions { Perplexity = 20 }));
    }
}
