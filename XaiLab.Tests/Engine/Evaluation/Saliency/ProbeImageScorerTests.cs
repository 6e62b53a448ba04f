using XaiLab.Engine.Evaluation.Saliency;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

[Collection(TorchCollection.Name)]
public sealed class ProbeImageScorerTests
{
    [Fact]
    public void Score_GivesTheTargetOutputOfEveryImage_IndependentOfBatchSize()
    {
        var random = new Random(2);
        var weights = Enumerable.Range(0, 6).Select(_ => (float)random.NextDouble()).ToArray();
        var probe = new PowerSeriesProbe(weights, [1, 2, 3]);
        var images = Enumerable.Range(0, 7).Select(_ => Enumerable.Range(0, 6).Select(_ => (float)random.NextDouble()).ToArray()).ToList();
        var expected = images.Select(x => x.Select((v, i) => (double)weights[i] * v).Sum()).ToArray();

        var before = AttributionAssert.LiveTensors;
        var one = new ProbeImageScorer(probe, target: 0, 1, 2, 3) { BatchSize = 1 }.Score(images);
        var three = new ProbeImageScorer(probe, target: 0, 1, 2, 3) { BatchSize = 3 }.Score(images);

        Assert.Equal(before, AttributionAssert.LiveTensors);
        for (var i = 0; i < images.Count; i++)
        {
            Assert.Equal(expected[i], one[i], 5);
        }
        Assert.Equal(one, three);
    }

    [Fact]
    public void Deletion_WithASmallCnn_RunsThroughTheScorerWithoutLeaks()
    {
        var probe = ModelBackedProbe.SmallCnn(inputSize: 16);
        using var input = AttributionAssert.Image(1, 16, 16);
        var image = input.data<float>().ToArray();
        var map = image.Select(v => -v).ToArray();
        var scorer = new ProbeImageScorer(probe, target: 1, 1, 16, 16) { BatchSize = 8 };

        var before = AttributionAssert.LiveTensors;
        var curve = new DeletionInsertion { Steps = 16 }.Deletion(image, 1, 16, 16, map, scorer.Score);

        Assert.Equal(before, AttributionAssert.LiveTensors);
        Assert.Equal(17, curve.Scores.Length);
        Assert.All(curve.Scores, s => Assert.InRange(s, 0.0, 1.0));
        Assert.InRange(curve.Auc, 0.0, 1.0);
    }
}
