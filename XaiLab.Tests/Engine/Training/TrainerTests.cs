using System.Diagnostics;
using TorchSharp;
using Xunit.Abstractions;
using XaiLab.Engine.Datasets.Phantoms;
using XaiLab.Engine.Evaluation;
using XaiLab.Engine.Imaging;
using XaiLab.Engine.Models;
using XaiLab.Engine.Training;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;

namespace XaiLab.Tests.Engine.Training;

[Collection(TorchCollection.Name)]
public class TrainerTests(ITestOutputHelper output)
{
    [Fact]
    public void Train_SmallCnnOnPhantoms_GeneralisesToUnseenPatients()
    {
        var slices = PhantomGenerator.Generate(new PhantomOptions(Slices: 240, Size: 64, Seed: 11, SlicesPerPatient: 6)).ToList();
        // Patient-disjoint split: every fifth patient is held out.
        bool Held(PhantomSlice s) => int.Parse(s.PatientId[1..]) % 5 == 0;
        var trainSlices = slices.Where(s => !Held(s)).ToList();
        var testSlices = slices.Where(Held).ToList();
        Assert.Empty(trainSlices.Select(s => s.PatientId).Intersect(testSlices.Select(s => s.PatientId)));
        var stats = NormalizationStats.FromImages(trainSlices.Select(s => s.Image));
        var preprocessor = new SlicePreprocessor(new PreprocessingOptions(InputSize: 64, Stats: stats));
        var train = InMemorySampleSource.FromSlices(trainSlices.Select(s => s.Image), trainSlices.Select(s => s.Label), preprocessor);
        var test = InMemorySampleSource.FromSlices(testSlices.Select(s => s.Image), testSlices.Select(s => s.Label), preprocessor);
        torch.manual_seed(3);
        using var model = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, InputSize: 64));
        var observer = new RecordingTrainingObserver();
        var options = new TrainingOptions(Epochs: 6, BatchSize: 16, LearningRate: 2e-3, Device: "cpu", Seed: 5);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var outcome = new Trainer().Train(model, train, test, options, observer, CancellationToken.None);
        watch.Stop();
        var probabilities = Predictor.Predict(model, test, 32, torch.CPU);
        var report = ClassificationMetrics.Compute(Enumerable.Range(0, test.Count).Select(test.Label).ToArray(), probabilities, 3);

        foreach (var epoch in outcome.History)
        {
            output.WriteLine($"epoch {epoch.Epoch}: loss {epoch.TrainLoss:F3} acc {epoch.TrainAccuracy:P1} " +
                $"val loss {epoch.ValidationLoss:F3} val acc {epoch.ValidationAccuracy:P1} ({epoch.Duration.TotalSeconds:F1} s)");
        }
        output.WriteLine($"{train.Count} train / {test.Count} test slices, {watch.Elapsed.TotalSeconds:F1} s wall, " +
            $"{(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:F1} s CPU, " +
            $"test accuracy {report.Accuracy:P1}, macro F1 {report.MacroF1:F3}, macro AUC {report.MacroRocAuc:F3}");
        Assert.Equal(6, outcome.History.Count);
        Assert.True(report.Accuracy > 0.9, $"test accuracy {report.Accuracy:P1}");
        Assert.Equal(report.Accuracy, outcome.Final!.ValidationAccuracy!.Value, 6);
        Assert.True(outcome.History[^1].TrainLoss < outcome.History[0].TrainLoss);
    }

    [Fact]
    public void Train_ResumedFromCheckpoint_RepeatsTheUninterruptedEpoch()
    {
        var train = TinySource(24, seed: 1);
        var options = new TrainingOptions(Epochs: 2, BatchSize: 8, Device: "cpu", Seed: 9);

        using var uninterrupted = NewModel(seed: 4);
        var full = new Trainer().Train(uninterrupted, train, null, options, new RecordingTrainingObserver(), CancellationToken.None);

        using var firstHalf = NewModel(seed: 4);
        var firstObserver = new RecordingTrainingObserver();
        new Trainer().Train(firstHalf, train, null, options with { Epochs = 1 }, firstObserver, CancellationToken.None);
        var checkpoint = TrainingCheckpoint.FromBytes(firstObserver.Checkpoints.Single().Bytes);
        using var resumed = NewModel(seed: 99);
        var secondHalf = new Trainer().Train(resumed, train, null, options, new RecordingTrainingObserver(),
            CancellationToken.None, checkpoint);

        Assert.Equal(1, checkpoint.Epoch);
        Assert.Equal(2, secondHalf.History.Single().Epoch);
        Assert.Equal(full.History[1].TrainLoss, secondHalf.History[0].TrainLoss, 6);
        Assert.Equal(full.History[1].TrainAccuracy, secondHalf.History[0].TrainAccuracy);
        var expected = uninterrupted.parameters().Select(p => p.data<float>().ToArray()).ToList();
        var actual = resumed.parameters().Select(p => p.data<float>().ToArray()).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            for (var j = 0; j < expected[i].Length; j++)
            {
                Assert.Equal(expected[i][j], actual[i][j], 5);
            }
        }
    }

    [Fact]
    public void Train_ReportsEveryBatchEpochAndCheckpoint()
    {
        var train = TinySource(20, seed: 2);
        var observer = new RecordingTrainingObserver();
        using var model = NewModel(seed: 1);

        var outcome = new Trainer().Train(model, train, TinySource(6, seed: 3),
            new TrainingOptions(Epochs: 2, BatchSize: 8, Device: "cpu"), observer, CancellationToken.None);

        Assert.Equal(6, observer.Batches.Count);
        Assert.Equal([1, 2, 3, 1, 2, 3], observer.Batches.Select(b => b.Batch));
        Assert.All(observer.Batches, b => Assert.Equal(3, b.BatchesPerEpoch));
        Assert.Equal([1, 2], observer.Epochs.Select(e => e.Epoch));
        Assert.Equal([1, 2], observer.Checkpoints.Select(c => c.Epoch));
        Assert.All(observer.Epochs, e => Assert.NotNull(e.ValidationAccuracy));
        Assert.Equal(observer.Epochs, outcome.History);
        Assert.Equal(1e-3, outcome.History[0].LearningRate);
    }

    [Fact]
    public void Train_LastBatchOfOneSample_JoinsThePreviousBatch()
    {
        var observer = new RecordingTrainingObserver();
        using var model = NewModel(seed: 1);

        var outcome = new Trainer().Train(model, TinySource(9, seed: 4), null,
            new TrainingOptions(Epochs: 1, BatchSize: 4, Device: "cpu"), observer, CancellationToken.None);

        Assert.Equal([1, 2], observer.Batches.Select(b => b.Batch));
        Assert.All(observer.Batches, b => Assert.Equal(2, b.BatchesPerEpoch));
        Assert.True(double.IsFinite(outcome.History.Single().TrainLoss));
    }

    [Fact]
    public void Train_WhoseLossBlowsUp_FailsWithTheDivergingBatch_AndStoresNoEpoch()
    {
        var observer = new RecordingTrainingObserver();
        using var model = NewModel(seed: 1);

        // AdamW at 1e30: the first step sends the weights towards infinity, so a later loss is NaN.
        var error = Assert.Throws<TrainingDivergedException>(() => new Trainer().Train(model, TinySource(20, seed: 2), TinySource(8, seed: 3),
            new TrainingOptions(Epochs: 3, BatchSize: 4, LearningRate: 1e30, Device: "cpu"), observer, CancellationToken.None));

        Assert.False(double.IsFinite(error.Loss));
        Assert.Equal(1, error.Epoch);
        Assert.InRange(error.Batch, 2, 5);
        Assert.Equal(error.Batch - 1, observer.Batches.Count);
        Assert.All(observer.Batches, batch => Assert.True(double.IsFinite(batch.Loss)));
        Assert.Empty(observer.Epochs);
        Assert.Empty(observer.Checkpoints);
        Assert.Contains("Lower the learning rate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_CancelledDuringAnEpoch_ThrowsBeforeTheNextBatch()
    {
        using var source = new CancellationTokenSource();
        var observer = new RecordingTrainingObserver(source, batchesBeforeCancel: 1);
        using var model = NewModel(seed: 1);

        Assert.Throws<OperationCanceledException>(() => new Trainer().Train(model, TinySource(20, seed: 2), null,
            new TrainingOptions(Epochs: 3, BatchSize: 4, Device: "cpu"), observer, source.Token));

        Assert.Single(observer.Batches);
        Assert.Empty(observer.Epochs);
    }

    [Fact]
    public void Train_RejectsCheckpointOfAnotherOptimiser()
    {
        var checkpoint = new TrainingCheckpoint(1, [], [], OptimizerKind.Sgd, 1);
        using var model = NewModel(seed: 1);

        Assert.Throws<ArgumentException>(() => new Trainer().Train(model, TinySource(4, seed: 1), null,
            new TrainingOptions(Device: "cpu"), new RecordingTrainingObserver(), CancellationToken.None, checkpoint));
    }

    [Fact]
    public void TrainingCheckpoint_RoundTripsThroughBytes()
    {
        var checkpoint = new TrainingCheckpoint(3, [1, 2, 3], [4, 5], OptimizerKind.Adam, 42);

        var copy = TrainingCheckpoint.FromBytes(checkpoint.ToBytes());

        Assert.Equal((3, OptimizerKind.Adam, 42), (copy.Epoch, copy.Optimizer, copy.Seed));
        Assert.Equal(checkpoint.ModelState, copy.ModelState);
        Assert.Equal(checkpoint.OptimizerState, copy.OptimizerState);
        Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.FromBytes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    }

    [Fact]
    public void ModelCheckpoint_SaveAndLoad_GiveTheSameOutputs()
    {
        var directory = Directory.CreateTempSubdirectory("xailab-checkpoint-");
        try
        {
            var path = Path.Combine(directory.FullName, "model.bin");
            using var original = NewModel(seed: 1);
            ModelCheckpoint.Save(original, path);
            using var restored = NewModel(seed: 2);
            ModelCheckpoint.Load(restored, path);
            using var wrongShape = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, InputSize: 16, Classes: 2));

            original.eval();
            restored.eval();
            using var input = torch.randn(2, 1, 16, 16);
            using var expected = original.forward(input);
            using var actual = restored.forward(input);
            Assert.True(expected.allclose(actual));
            Assert.True(File.Exists(ModelCheckpoint.SidecarPath(path)));
            Assert.Throws<InvalidOperationException>(() => ModelCheckpoint.Load(wrongShape, path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static ClassifierModel NewModel(int seed)
    {
        torch.manual_seed(seed);
        return ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, InputSize: 16));
    }

    private static InMemorySampleSource TinySource(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, 256).Select(_ => (float)random.NextDouble()).ToArray()).ToList();
        return new InMemorySampleSource(pixels, Enumerable.Range(0, count).Select(i => i % 3).ToList());
    }
}
