using TorchSharp;
using XaiLab.Engine.Models;
using XaiLab.Engine.Training;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;

namespace XaiLab.Tests.Engine.Training;

/// <summary>The trainer with schedules, augmentation, class weights and early stopping.</summary>
[Collection(TorchCollection.Name)]
public class TrainerOptionsTests
{
    [Fact]
    public void Train_TimeBasedDecay_ReportsTheRateAtEachEpochsFirstStep()
    {
        var options = new TrainingOptions(Epochs: 2, BatchSize: 8, LearningRate: 0.01, Optimizer: OptimizerKind.Sgd,
            Schedule: LearningRateScheduleKind.TimeBasedDecay, Decay: 0.5, Device: "cpu");
        using var model = NewModel(1);

        var outcome = new Trainer().Train(model, TinySource(24, 1), null, options, new RecordingTrainingObserver(), CancellationToken.None);

        // 3 batches per epoch: epoch 2 starts at iteration 3, lr = 0.01 / (1 + 0.5 * 3).
        Assert.Equal([0.01, 0.004], outcome.History.Select(e => Math.Round(e.LearningRate, 12)));
    }

    [Fact]
    public void Train_ResumedWithEveryOption_RepeatsTheUninterruptedRun()
    {
        var train = TinySource(24, 2);
        var validation = TinySource(9, 3);
        var options = TrainingPresets.Default.Training with { Epochs = 3, BatchSize = 8, Device = "cpu", Seed = 4 };

        using var uninterrupted = NewModel(4);
        var full = new Trainer().Train(uninterrupted, train, validation, options, new RecordingTrainingObserver(), CancellationToken.None);
        using var interrupted = NewModel(4);
        using var cancel = new CancellationTokenSource();
        // Stop inside epoch 2, as a crash would: only epoch 1's checkpoint survives.
        var first = new RecordingTrainingObserver(cancel, batchesBeforeCancel: 4);
        Assert.Throws<OperationCanceledException>(() => new Trainer().Train(interrupted, train, validation, options, first, cancel.Token));
        var checkpoint = TrainingCheckpoint.FromBytes(first.Checkpoints.Single().Bytes);
        using var resumed = NewModel(77);
        var rest = new Trainer().Train(resumed, train, validation, options, new RecordingTrainingObserver(), CancellationToken.None, checkpoint);

        Assert.Equal([2, 3], rest.History.Select(e => e.Epoch));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(full.History[i + 1].TrainLoss, rest.History[i].TrainLoss, 5);
            Assert.Equal(full.History[i + 1].LearningRate, rest.History[i].LearningRate, 12);
            Assert.Equal(full.History[i + 1].ValidationLoss!.Value, rest.History[i].ValidationLoss!.Value, 5);
        }
    }

    [Fact]
    public void Train_Augmentation_ChangesTheTrainingBatches()
    {
        var train = TinySource(16, 5);
        var plain = new TrainingOptions(Epochs: 1, BatchSize: 8, Device: "cpu");
        using var a = NewModel(3);
        using var b = NewModel(3);

        var without = new Trainer().Train(a, train, null, plain, new RecordingTrainingObserver(), CancellationToken.None);
        var with = new Trainer().Train(b, train, null, plain with { Augmentation = AugmentationOptions.Default },
            new RecordingTrainingObserver(), CancellationToken.None);

        Assert.NotEqual(without.History[0].TrainLoss, with.History[0].TrainLoss);
    }

    [Fact]
    public void Train_ClassWeighting_ChangesTheLossOnImbalancedData()
    {
        var random = new Random(6);
        var pixels = Enumerable.Range(0, 16).Select(_ => Enumerable.Range(0, 256).Select(_ => (float)random.NextDouble()).ToArray()).ToList();
        var train = new InMemorySampleSource(pixels, Enumerable.Range(0, 16).Select(i => i < 12 ? 0 : i % 2 + 1).ToList());
        var plain = new TrainingOptions(Epochs: 1, BatchSize: 16, Device: "cpu");
        using var a = NewModel(3);
        using var b = NewModel(3);

        var unweighted = new Trainer().Train(a, train, null, plain, new RecordingTrainingObserver(), CancellationToken.None);
        var weighted = new Trainer().Train(b, train, null, plain with { ClassWeighting = true }, new RecordingTrainingObserver(), CancellationToken.None);

        Assert.NotEqual(unweighted.History[0].TrainLoss, weighted.History[0].TrainLoss, 4);
    }

    [Fact]
    public void Train_EarlyStopping_StopsWhenValidationLossRises()
    {
        var train = TinySource(24, 8);
        // The same images with shifted labels: learning the training labels makes the validation loss worse.
        var validation = new InMemorySampleSource(
            Enumerable.Range(0, 24).Select(train.Pixels).ToList(), Enumerable.Range(0, 24).Select(i => (train.Label(i) + 1) % 3).ToList());
        var options = new TrainingOptions(Epochs: 8, BatchSize: 8, LearningRate: 3e-3, Device: "cpu", EarlyStoppingPatience: 1);
        var observer = new RecordingTrainingObserver();
        using var model = NewModel(2);

        var outcome = new Trainer().Train(model, train, validation, options, observer, CancellationToken.None);

        Assert.True(outcome.StoppedEarly);
        Assert.True(outcome.History.Count < 8, $"{outcome.History.Count} epochs");
        var last = TrainingCheckpoint.FromBytes(observer.Checkpoints[^1].Bytes);
        Assert.True(last.StoppedEarly);
        using var again = NewModel(2);
        var resumed = new Trainer().Train(again, train, validation, options, new RecordingTrainingObserver(), CancellationToken.None, last);
        Assert.Empty(resumed.History);
        Assert.True(resumed.StoppedEarly);
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
