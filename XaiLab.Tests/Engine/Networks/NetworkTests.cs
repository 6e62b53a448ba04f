using XaiLab.Engine.Attribution;
using XaiLab.Engine.Networks;
using XaiLab.Engine.Training;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;

namespace XaiLab.Tests.Engine.Networks;

/// <summary>The TorchSharp façade: plain arrays in and out, the same answers as the parts behind it.</summary>
[Collection(TorchCollection.Name)]
public class NetworkTests
{
    private static readonly NetworkSpec Spec = new("smallcnn", 3, 16, Seed: 7, Device: "cpu");

    private static InMemorySampleSource Samples(int count, int seed)
    {
        var random = new Random(seed);
        return new InMemorySampleSource(
            Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 256).Select(_ => (float)random.NextDouble()).ToArray()).ToList(),
            Enumerable.Range(0, count).Select(i => i % 3).ToArray());
    }

    [Fact]
    public void CreateInitial_DrawsTheSameWeightsForTheSameSeedAndOthersForAnother()
    {
        var samples = Samples(4, 1);
        using var first = Network.CreateInitial(Spec);
        using var second = Network.CreateInitial(Spec);
        using var other = Network.CreateInitial(Spec with { Seed = 8 });

        Assert.Equal(first.Predict(samples, 4).SelectMany(p => p), second.Predict(samples, 4).SelectMany(p => p));
        Assert.NotEqual(first.Predict(samples, 4).SelectMany(p => p), other.Predict(samples, 4).SelectMany(p => p));
        Assert.Equal("cpu", first.DeviceName);
    }

    [Fact]
    public void Train_ThenCreateTrained_FromTheSavedStatePredictsLikeTheTrainedNetwork()
    {
        var train = Samples(12, 2);
        using var network = Network.CreateInitial(Spec);
        var before = network.Predict(train, 12).SelectMany(p => p).ToArray();
        var observer = new RecordingTrainingObserver();

        network.Train(train, null, new TrainingOptions(Epochs: 2, BatchSize: 4, LearningRate: 0.01, Seed: 7, Device: "cpu"), observer, CancellationToken.None);
        var after = network.Predict(train, 12).SelectMany(p => p).ToArray();
        using var restored = Network.CreateTrained(Spec, network.SaveState());

        Assert.Equal(2, observer.Epochs.Count);
        Assert.NotEqual(before, after);
        Assert.Equal(after, restored.Predict(train, 5).SelectMany(p => p).ToArray());
        // The checkpoint's model state is the same form: loading it gives the trained network too.
        using var fromCheckpoint = Network.CreateTrained(Spec, TrainingCheckpoint.FromBytes(observer.Checkpoints[^1].Bytes).ModelState);
        Assert.Equal(after, fromCheckpoint.Predict(train, 12).SelectMany(p => p).ToArray());
    }

    [Fact]
    public void Embed_GivesOneRowPerInputIndependentOfTheBatchSize()
    {
        var inputs = Enumerable.Range(0, 5).Select(i => Samples(5, 3).Pixels(i)).ToList();
        using var network = Network.CreateInitial(Spec);

        var whole = network.Embed(inputs, 8);
        var split = network.Embed(inputs, 2);

        Assert.Equal(5, whole.Rows);
        Assert.True(whole.Columns > 0);
        Assert.Equal(whole.Columns, split.Columns);
        for (var i = 0; i < whole.Values.Length; i++)
        {
            Assert.Equal(whole.Values[i], split.Values[i], 5);
        }
    }

    [Fact]
    public void Explain_MapsTheInputAndScoreAnswersTheExplainedProbability()
    {
        var samples = Samples(2, 4);
        var input = samples.Pixels(0);
        using var network = Network.CreateInitial(Spec);

        var map = network.Explain("vanilla-gradient", new AttributionOptions(), input, 1);
        var scores = network.Score([input, samples.Pixels(1)], 1);

        Assert.Equal((1, 16, 16), (map.Channels, map.Height, map.Width));
        Assert.Contains(map.Values, v => v != 0);
        Assert.Equal(network.Predict(samples, 2).Select(p => (double)p[1]), scores, new ToleranceComparer(1e-5));
        Assert.Throws<ArgumentException>(() => network.Explain("vanilla-gradient", new AttributionOptions(), new float[10], 1));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
