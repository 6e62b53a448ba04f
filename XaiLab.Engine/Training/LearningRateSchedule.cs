namespace XaiLab.Engine.Training;

/// <summary>
/// Learning rate as a pure function of the optimiser step, so a run resumed from a checkpoint continues the schedule
/// exactly (the schedule has no state of its own).
/// </summary>
public static class LearningRateSchedule
{
    /// <summary>The learning rate of 0-based optimiser step <paramref name="iteration"/> out of <paramref name="totalIterations"/>.</summary>
    /// <param name="options">Base rate, schedule and <see cref="TrainingOptions.Decay"/>.</param>
    /// <param name="iteration">Optimiser steps taken before this one (epoch-1) * batchesPerEpoch + batch.</param>
    /// <param name="totalIterations">Epochs * batchesPerEpoch.</param>
    public static double At(TrainingOptions options, long iteration, long totalIterations)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalIterations, 1);
        return options.Schedule switch
        {
            LearningRateScheduleKind.Constant => options.LearningRate,
            LearningRateScheduleKind.TimeBasedDecay => options.LearningRate / (1 + options.Decay * iteration),
            LearningRateScheduleKind.Cosine =>
                options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(iteration, totalIterations) / totalIterations)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Schedule, "Unknown schedule."),
        };
    }
}
