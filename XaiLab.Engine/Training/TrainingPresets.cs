using XaiLab.Engine.Models;

namespace XaiLab.Engine.Training;

/// <summary>The paper's training recipe and XaiLab's better default.</summary>
public static class TrainingPresets
{
    /// <summary>
    /// Brima and Atemkeng (2023), Table 4: SGD lr 1e-3, momentum 0.9395, time-based decay 3e-4 per iteration, batch 32,
    /// 20 epochs (the paper used 40 for COVID), 225x225x1 input, Flatten -> Dense head, plain cross-entropy, no
    /// augmentation, no early stopping, no weight decay.
    /// </summary>
    public static TrainingPreset Paper { get; } = new("paper",
        new TrainingOptions(Epochs: 20, BatchSize: 32, LearningRate: 1e-3, WeightDecay: 0, Optimizer: OptimizerKind.Sgd,
            Momentum: 0.9395, Schedule: LearningRateScheduleKind.TimeBasedDecay, Decay: 3e-4),
        225, HeadKind.Flatten);

    /// <summary>
    /// AdamW lr 1e-3 with weight decay 1e-4, cosine schedule, <see cref="AugmentationOptions.Default"/>, balanced class
    /// weights, early stopping with patience 5, batch 32, 30 epochs, 224x224 input, global-average-pool head.
    /// </summary>
    public static TrainingPreset Default { get; } = new("default",
        new TrainingOptions(Epochs: 30, BatchSize: 32, LearningRate: 1e-3, WeightDecay: 1e-4, Optimizer: OptimizerKind.AdamW,
            Schedule: LearningRateScheduleKind.Cosine, Augmentation: AugmentationOptions.Default, ClassWeighting: true,
            EarlyStoppingPatience: 5),
        224, HeadKind.GlobalAveragePool);

    /// <summary>Presets by API name.</summary>
    public static IReadOnlyDictionary<string, TrainingPreset> All { get; } = new Dictionary<string, TrainingPreset>
    {
        [Paper.Name] = Paper,
        [Default.Name] = Default,
    };
}
