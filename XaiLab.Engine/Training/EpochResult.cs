namespace XaiLab.Engine.Training;

/// <summary>What one epoch achieved.</summary>
/// <param name="Epoch">Epoch, 1-based.</param>
/// <param name="TrainLoss">Mean training cross-entropy over the epoch's batches (weighted by batch size).</param>
/// <param name="TrainAccuracy">Share of training samples classified correctly during the epoch (train mode).</param>
/// <param name="ValidationLoss">Mean validation cross-entropy in eval mode; null without a validation set.</param>
/// <param name="ValidationAccuracy">Validation accuracy in eval mode; null without a validation set.</param>
/// <param name="LearningRate">Learning rate used in the epoch.</param>
/// <param name="Duration">Wall time of the epoch including validation.</param>
public sealed record EpochResult(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    double LearningRate,
    TimeSpan Duration);
