using TorchSharp;
using TorchSharp.Modules;
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
    public void Train_AugmentationWithFlips_FeedsMirroredTrainingSamplesAndUntouchedValidationSamples()
    {
        var train = TinySource(32, 5);
        var validation = TinySource(6, 9);
        var flips = new AugmentationOptions(HorizontalFlip: true, VerticalFlip: true, MaxRotationDegrees: 0, IntensityJitter: 0);
        // One batch of all 32 samples, then one validation pass.
        var options = new TrainingOptions(Epochs: 1, BatchSize: 32, Device: "cpu", Augmentation: flips);
        using var model = NewModel(3);

        var seen = ModelInputs(model, () =>
            new Trainer().Train(model, train, validation, options, new RecordingTrainingObserver(), CancellationToken.None));

        Assert.Equal(2, seen.Count);
        var variants = new List<(bool FlipX, bool FlipY)>();
        var samples = new HashSet<int>();
        for (var i = 0; i < train.Count; i++)
        {
            var image = seen[0].AsSpan(i * Plane, Plane).ToArray();
            var matches = (
                from sample in Enumerable.Range(0, train.Count)
                from flipX in new[] { false, true }
                from flipY in new[] { false, true }
                where Mirror(train.Pixels(sample), flipX, flipY).SequenceEqual(image)
                select (sample, flipX, flipY)).ToList();
            var (matched, x, y) = Assert.Single(matches);
            Assert.True(samples.Add(matched), $"sample {matched} fed twice");
            variants.Add((x, y));
        }
        // Each flip has probability 0.5: among 32 samples all four combinations occur (each is missed with p = 0.75^32).
        Assert.Equal(4, variants.Distinct().Count());
        // Validation samples are never augmented: the model sees them as they are, in order.
        Assert.Equal(Enumerable.Range(0, validation.Count).SelectMany(validation.Pixels), seen[1]);
    }

    [Fact]
    public void Train_AugmentationWithIntensityJitter_ScalesAndShiftsEachSampleWithinTheJitter()
    {
        var train = TinySource(16, 5);
        var jitter = new AugmentationOptions(HorizontalFlip: false, VerticalFlip: false, MaxRotationDegrees: 0, IntensityJitter: 0.1);
        var options = new TrainingOptions(Epochs: 1, BatchSize: 16, Device: "cpu", Augmentation: jitter);
        using var model = NewModel(3);

        var seen = ModelInputs(model, () =>
            new Trainer().Train(model, train, null, options, new RecordingTrainingObserver(), CancellationToken.None));

        var batch = Assert.Single(seen);
        var samples = new HashSet<int>();
        var scales = new List<double>();
        for (var i = 0; i < train.Count; i++)
        {
            var image = batch.AsSpan(i * Plane, Plane).ToArray();
            // The documented transform: image = sample * (1 + u) + v with u and v in [-0.1, 0.1]. Fit it on each candidate
            // sample's darkest and brightest pixels and keep the sample it explains at every pixel.
            var fits = (
                from sample in Enumerable.Range(0, train.Count)
                let source = train.Pixels(sample)
                let low = Array.IndexOf(source, source.Min())
                let high = Array.IndexOf(source, source.Max())
                let scale = (image[high] - (double)image[low]) / (source[high] - (double)source[low])
                let shift = image[low] - scale * source[low]
                where Enumerable.Range(0, Plane).All(p => Math.Abs(source[p] * scale + shift - image[p]) < 1e-5)
                select (sample, scale, shift)).ToList();
            var (matched, fittedScale, fittedShift) = Assert.Single(fits);
            Assert.True(samples.Add(matched), $"sample {matched} fed twice");
            Assert.InRange(fittedScale, 0.9 - 1e-5, 1.1 + 1e-5);
            Assert.InRange(fittedShift, -0.1 - 1e-5, 0.1 + 1e-5);
            scales.Add(fittedScale);
        }
        Assert.Contains(scales, scale => Math.Abs(scale - 1) > 1e-3);
    }

    [Fact]
    public void Train_ClassWeighting_ReportsTheBalancedWeightedCrossEntropyOfTheBatch()
    {
        var random = new Random(6);
        var pixels = Enumerable.Range(0, 16).Select(_ => Enumerable.Range(0, Plane).Select(_ => (float)random.NextDouble()).ToArray()).ToList();
        // Twelve samples of class 0, two each of classes 1 and 2.
        var labels = Enumerable.Range(0, 16).Select(i => i < 12 ? 0 : i % 2 + 1).ToList();
        var train = new InMemorySampleSource(pixels, labels);
        // One batch of all 16: the epoch's reported loss is the loss of the untrained model, before its only step.
        var plain = new TrainingOptions(Epochs: 1, BatchSize: 16, Device: "cpu");
        using var reference = NewModel(3);
        var negativeLogLikelihoods = NegativeLogLikelihoods(reference, pixels, labels);
        using var a = NewModel(3);
        using var b = NewModel(3);

        var unweighted = new Trainer().Train(a, train, null, plain, new RecordingTrainingObserver(), CancellationToken.None);
        var weighted = new Trainer().Train(b, train, null, plain with { ClassWeighting = true }, new RecordingTrainingObserver(), CancellationToken.None);

        // scikit-learn's balanced weights n / (classes * count_c): 16 / 36 for class 0, 16 / 6 for classes 1 and 2; torch's
        // weighted cross-entropy is the weighted mean sum_i w[y_i] * nll_i / sum_i w[y_i].
        double[] classWeights = [16 / 36.0, 16 / 6.0, 16 / 6.0];
        var expectedWeighted = labels.Select((label, i) => classWeights[label] * negativeLogLikelihoods[i]).Sum()
            / labels.Sum(label => classWeights[label]);
        var expectedPlain = negativeLogLikelihoods.Average();
        Assert.True(Math.Abs(expectedWeighted - expectedPlain) > 1e-3, $"the batch does not tell the losses apart: {expectedPlain}");
        Assert.Equal(expectedPlain, unweighted.History[0].TrainLoss, 5);
        Assert.Equal(expectedWeighted, weighted.History[0].TrainLoss, 5);
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

    /// <summary>Values of one 1 x 16 x 16 sample.</summary>
    private const int Plane = 16 * 16;

    /// <summary>Every batch the model's first convolution received while <paramref name="run"/> ran, as it received it.</summary>
    private static List<float[]> ModelInputs(ClassifierModel model, Action run)
    {
        var inputs = new List<float[]>();
        var firstConvolution = model.modules().OfType<Conv2d>().First();
        var hook = firstConvolution.register_forward_hook((_, input, output) =>
        {
            inputs.Add(input.data<float>().ToArray());
            return output;
        });
        try
        {
            run();
        }
        finally
        {
            hook.remove();
        }
        return inputs;
    }

    /// <summary>A [16, 16] sample mirrored left-right and/or top-bottom.</summary>
    private static float[] Mirror(float[] pixels, bool flipX, bool flipY)
    {
        var mirrored = new float[Plane];
        for (var y = 0; y < 16; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                mirrored[y * 16 + x] = pixels[(flipY ? 15 - y : y) * 16 + (flipX ? 15 - x : x)];
            }
        }
        return mirrored;
    }

    /// <summary>
    /// -log softmax(logits)[label] per sample of the model in training mode (batch norm from the batch's statistics, as
    /// the trainer's first step computes them), from the logits alone.
    /// </summary>
    private static double[] NegativeLogLikelihoods(ClassifierModel model, IReadOnlyList<float[]> pixels, IReadOnlyList<int> labels)
    {
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            model.train();
            var batch = torch.tensor(pixels.SelectMany(p => p).ToArray(), [pixels.Count, 1, 16, 16]);
            var logits = model.forward(batch).to_type(torch.ScalarType.Float64).data<double>().ToArray();
            var classes = logits.Length / pixels.Count;
            return labels.Select((label, i) =>
            {
                var row = logits.AsSpan(i * classes, classes).ToArray();
                var max = row.Max();
                return max + Math.Log(row.Sum(z => Math.Exp(z - max))) - row[label];
            }).ToArray();
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
