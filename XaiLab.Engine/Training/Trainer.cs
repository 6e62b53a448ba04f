using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using XaiLab.Engine.Models;
using XaiLab.Engine.Runtime;
using static TorchSharp.torch;

namespace XaiLab.Engine.Training;

/// <summary>
/// Supervised training with cross-entropy. Epoch <c>e</c> shuffles with a generator seeded from (seed, e) and seeds
/// torch's generator from (seed, e) as well, so an epoch run after resuming from a checkpoint is the same epoch as in an
/// uninterrupted run. The learning rate is a function of the optimiser step (<see cref="LearningRateSchedule"/>), the
/// augmentation generator is seeded from (seed, epoch) and early stopping's state travels in the checkpoint, so resuming
/// stays deterministic with every option. Cancellation is checked before every batch.
/// </summary>
public sealed class Trainer
{
    /// <summary>
    /// Trains <paramref name="model"/> in place for <see cref="TrainingOptions.Epochs"/> epochs (or the epochs left after
    /// <paramref name="resumeFrom"/>), reporting to <paramref name="observer"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> is cancelled.</exception>
    public TrainingOutcome Train(
        ClassifierModel model,
        ISampleSource train,
        ISampleSource? validation,
        TrainingOptions options,
        ITrainingObserver observer,
        CancellationToken ct,
        TrainingCheckpoint? resumeFrom = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(observer);
        options.Validate();
        if (train.Count == 0)
        {
            throw new ArgumentException("The training set is empty.", nameof(train));
        }
        if (resumeFrom is not null && (resumeFrom.Optimizer != options.Optimizer || resumeFrom.Seed != options.Seed))
        {
            throw new ArgumentException(
                $"The checkpoint was made with {resumeFrom.Optimizer} and seed {resumeFrom.Seed}; " +
                $"resuming needs the same optimiser and seed (got {options.Optimizer}, {options.Seed}).", nameof(resumeFrom));
        }

        var stopwatch = Stopwatch.StartNew();
        var device = TorchRuntime.Resolve(options.Device);
        model.to(device);
        // Batches only: channels-last weights and optimiser state could not be checkpointed (TorchSharp saves contiguous tensors).
        var format = new ComputeFormat(ChannelsLast: options.ChannelsLast);
        using var optimizer = CreateOptimizer(model, options);
        var firstEpoch = 1;
        if (resumeFrom is not null)
        {
            using (var reader = new BinaryReader(new MemoryStream(resumeFrom.ModelState)))
            {
                model.load(reader);
            }
            using (var reader = new BinaryReader(new MemoryStream(resumeFrom.OptimizerState)))
            {
                optimizer.load_state_dict(reader);
            }
            firstEpoch = resumeFrom.Epoch + 1;
        }
        var stopping = options.EarlyStoppingPatience is { } patience && validation is { Count: > 0 }
            ? new EarlyStopping(patience, resumeFrom?.BestValidationLoss, resumeFrom?.EpochsWithoutImprovement ?? 0)
            : null;
        if (resumeFrom is { StoppedEarly: true })
        {
            return new TrainingOutcome([], stopwatch.Elapsed, StoppedEarly: true);
        }
        var weights = options.ClassWeighting
            ? ClassWeights.Balanced(Enumerable.Range(0, train.Count).Select(train.Label).ToArray(), model.Spec.Classes)
            : null;

        var history = new List<EpochResult>();
        var batches = BatchCount(train.Count, options.BatchSize);
        var stoppedEarly = false;
        for (var epoch = firstEpoch; epoch <= options.Epochs && !stoppedEarly; epoch++)
        {
            var epochWatch = Stopwatch.StartNew();
            var epochLearningRate = LearningRateSchedule.At(options, (long)(epoch - 1) * batches, (long)options.Epochs * batches);
            var (trainLoss, trainAccuracy) = RunEpoch(model, optimizer, train, options, epoch, batches, weights, device, format, observer, ct);
            double? validationLoss = null, validationAccuracy = null;
            if (validation is { Count: > 0 })
            {
                ct.ThrowIfCancellationRequested();
                (validationLoss, validationAccuracy) = Evaluate(model, validation, options.BatchSize, device, format);
                if (!double.IsFinite(validationLoss.Value))
                {
                    // The epoch's last steps blew the weights up: no checkpoint of them is worth keeping.
                    throw new TrainingDivergedException(epoch, batches, validationLoss.Value, epochLearningRate);
                }
            }
            stoppedEarly = stopping is not null && validationLoss is { } loss && stopping.Update(loss) && epoch < options.Epochs;
            var result = new EpochResult(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy,
                epochLearningRate, epochWatch.Elapsed);
            history.Add(result);
            observer.OnEpoch(result);
            var checkpoint = Checkpoint(model, optimizer, epoch, options) with
            {
                BestValidationLoss = stopping?.Best,
                EpochsWithoutImprovement = stopping?.EpochsWithoutImprovement ?? 0,
                StoppedEarly = stoppedEarly,
            };
            observer.OnCheckpoint(epoch, checkpoint.ToBytes());
        }
        return new TrainingOutcome(history, stopwatch.Elapsed, stoppedEarly);
    }

    private static (double Loss, double Accuracy) RunEpoch(
        ClassifierModel model, OptimizerHelper optimizer, ISampleSource train, TrainingOptions options, int epoch,
        int batches, float[]? weights, Device device, ComputeFormat format, ITrainingObserver observer, CancellationToken ct)
    {
        model.train();
        torch.manual_seed(SeedDerivation.Derive(options.Seed, epoch, 1));
        var order = Shuffle(train.Count, SeedDerivation.Derive(options.Seed, epoch, 0));
        var augmentation = options.Augmentation is { Enabled: true } enabled ? enabled : null;
        var augmentRandom = new Random(SeedDerivation.Derive(options.Seed, epoch, 2));
        var totalIterations = (long)options.Epochs * batches;
        var spec = model.Spec;
        double lossSum = 0;
        long correct = 0;
        for (var batch = 0; batch < batches; batch++)
        {
            ct.ThrowIfCancellationRequested();
            var start = batch * options.BatchSize;
            var indices = batch == batches - 1 ? order.AsSpan(start) : order.AsSpan(start, options.BatchSize);
            var learningRate = LearningRateSchedule.At(options, (long)(epoch - 1) * batches + batch, totalIterations);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = learningRate;
            }
            double loss;
            using (NewDisposeScope())
            {
                var inputs = augmentation is null
                    ? SampleBatches.Inputs(train, indices, spec.InputChannels, spec.InputSize, device)
                    : SampleBatches.AugmentedInputs(train, indices, spec.InputChannels, spec.InputSize, augmentation, augmentRandom, device);
                var labels = SampleBatches.Labels(train, indices, spec.Classes, device);
                optimizer.zero_grad();
                var logits = model.forward(format.Input(inputs));
                var weightTensor = weights is null ? null : tensor(weights, device: device);
                var batchLoss = nn.functional.cross_entropy(logits, labels, weightTensor);
                batchLoss.backward();
                optimizer.step();
                loss = batchLoss.item<float>();
                if (!double.IsFinite(loss))
                {
                    throw new TrainingDivergedException(epoch, batch + 1, loss, learningRate);
                }
                correct += logits.argmax(1).eq(labels).sum().item<long>();
            }
            lossSum += loss * indices.Length;
            observer.OnBatch(new BatchProgress(epoch, batch + 1, batches, loss));
        }
        return (lossSum / train.Count, (double)correct / train.Count);
    }

    /// <summary>Mean cross-entropy and accuracy in eval mode; leaves the model in eval mode.</summary>
    internal static (double Loss, double Accuracy) Evaluate(ClassifierModel model, ISampleSource source, int batchSize, Device device,
        ComputeFormat? format = null)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        var spec = model.Spec;
        double lossSum = 0;
        long correct = 0;
        var all = Enumerable.Range(0, source.Count).ToArray();
        for (var start = 0; start < all.Length; start += batchSize)
        {
            var indices = all.AsSpan(start, Math.Min(batchSize, all.Length - start));
            using var scope = NewDisposeScope();
            var inputs = SampleBatches.Inputs(source, indices, spec.InputChannels, spec.InputSize, device);
            var labels = SampleBatches.Labels(source, indices, spec.Classes, device);
            var logits = model.forward(format is null ? inputs : format.Input(inputs));
            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(labels).sum().item<long>();
        }
        return (lossSum / source.Count, (double)correct / source.Count);
    }

    /// <summary>
    /// Batches per epoch. A last batch of a single sample joins the one before it: batch norm cannot compute training
    /// statistics from one value per channel.
    /// </summary>
    private static int BatchCount(int count, int batchSize)
    {
        var batches = (count + batchSize - 1) / batchSize;
        return batches > 1 && count % batchSize == 1 ? batches - 1 : batches;
    }

    private static OptimizerHelper CreateOptimizer(ClassifierModel model, TrainingOptions options) => options.Optimizer switch
    {
        OptimizerKind.Adam => torch.optim.Adam(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay),
        OptimizerKind.AdamW => torch.optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay),
        OptimizerKind.Sgd => torch.optim.SGD(model.parameters(), options.LearningRate, momentum: options.Momentum,
            weight_decay: options.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "Unknown optimiser."),
    };

    private static TrainingCheckpoint Checkpoint(ClassifierModel model, OptimizerHelper optimizer, int epoch, TrainingOptions options)
    {
        using var modelStream = new MemoryStream();
        using (var writer = new BinaryWriter(modelStream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.save(writer);
        }
        using var optimizerStream = new MemoryStream();
        using (var writer = new BinaryWriter(optimizerStream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            optimizer.save_state_dict(writer);
        }
        return new TrainingCheckpoint(epoch, modelStream.ToArray(), optimizerStream.ToArray(), options.Optimizer, options.Seed);
    }

    private static int[] Shuffle(int count, int seed)
    {
        var random = new Random(seed);
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
