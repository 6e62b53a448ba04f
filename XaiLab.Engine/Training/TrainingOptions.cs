namespace XaiLab.Engine.Training;

/// <summary>How to train.</summary>
/// <param name="Epochs">Passes over the training set; default 10.</param>
/// <param name="BatchSize">Samples per optimiser step; default 32 (as the paper).</param>
/// <param name="LearningRate">Constant learning rate; default 1e-3.</param>
/// <param name="WeightDecay">Weight decay; default 1e-4 (decoupled for AdamW, L2 for Adam and SGD).</param>
/// <param name="Optimizer">Optimiser; default AdamW.</param>
/// <param name="Momentum">SGD momentum; default 0.9 (ignored by Adam and AdamW).</param>
/// <param name="Seed">Seed of the shuffle order and of torch's generator, both derived per epoch; default 1.</param>
/// <param name="Device">"auto" (default), "cpu" or "cuda", see <see cref="Runtime.TorchRuntime.Resolve"/>.</param>
/// <param name="Schedule">Learning-rate schedule; default constant.</param>
/// <param name="Decay">Decay of <see cref="LearningRateScheduleKind.TimeBasedDecay"/>; default 0 (the paper: 3e-4).</param>
/// <param name="Augmentation">Training-batch augmentation; default null = none.</param>
/// <param name="ClassWeighting">Weight the cross-entropy by <see cref="ClassWeights.Balanced"/> of the training labels; default false.</param>
/// <param name="EarlyStoppingPatience">Stop after this many epochs without a lower validation loss; default null = never.</param>
/// <param name="ChannelsLast">
/// Train on batches with NHWC strides (<see cref="Runtime.ComputeFormat.ChannelsLast"/>); same result within float
/// rounding. Default false: not faster on the project's CPU (measurements and the reasons bf16 training is not offered:
/// docs/performance.md, "What changed (engine)" and "Findings").
/// </param>
public sealed record TrainingOptions(
    int Epochs = 10,
    int BatchSize = 32,
    double LearningRate = 1e-3,
    double WeightDecay = 1e-4,
    OptimizerKind Optimizer = OptimizerKind.AdamW,
    double Momentum = 0.9,
    int Seed = 1,
    string Device = "auto",
    LearningRateScheduleKind Schedule = LearningRateScheduleKind.Constant,
    double Decay = 0,
    AugmentationOptions? Augmentation = null,
    bool ClassWeighting = false,
    int? EarlyStoppingPatience = null,
    bool ChannelsLast = false)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be positive.");
        if (WeightDecay < 0) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "WeightDecay must not be negative.");
        if (Momentum is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "Momentum must be in [0, 1).");
        if (Decay < 0 || double.IsNaN(Decay)) throw new ArgumentOutOfRangeException(nameof(Decay), Decay, "Decay must not be negative.");
        if (EarlyStoppingPatience < 1) throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), EarlyStoppingPatience, "EarlyStoppingPatience must be at least 1.");
        if (Augmentation is { MaxRotationDegrees: < 0 or > 180 }) throw new ArgumentOutOfRangeException(nameof(Augmentation), Augmentation.MaxRotationDegrees, "MaxRotationDegrees must be in [0, 180].");
        if (Augmentation is { IntensityJitter: < 0 or >= 1 }) throw new ArgumentOutOfRangeException(nameof(Augmentation), Augmentation.IntensityJitter, "IntensityJitter must be in [0, 1).");
    }
}
