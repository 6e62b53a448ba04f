namespace XaiLab.Engine.Training;

/// <summary>The result of <see cref="Trainer.Train"/>.</summary>
/// <param name="History">One result per epoch run by this call (a resumed run starts after the checkpoint's epoch).</param>
/// <param name="Duration">Wall time of this call.</param>
/// <param name="StoppedEarly">True when early stopping ended training before the last epoch.</param>
public sealed record TrainingOutcome(IReadOnlyList<EpochResult> History, TimeSpan Duration, bool StoppedEarly = false)
{
    /// <summary>The last epoch's result, or null when no epoch ran (resumed from a finished run).</summary>
    public EpochResult? Final => History.Count > 0 ? History[^1] : null;
}
