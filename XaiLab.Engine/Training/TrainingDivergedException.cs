namespace XaiLab.Engine.Training;

/// <summary>
/// The training loss stopped being a finite number (NaN or infinity): the weights have blown up and nothing after this
/// batch would be meaningful. Thrown by <see cref="Trainer"/> at the first such batch, so a run fails with a reason
/// instead of storing NaN metrics; its last checkpoint is that of the last finished epoch.
/// </summary>
public sealed class TrainingDivergedException(int epoch, int batch, double loss, double learningRate)
    : Exception($"Training diverged: the loss became {loss} at epoch {epoch}, batch {batch} (learning rate {learningRate:G4}). " +
        "Lower the learning rate, or use the default preset (AdamW with a cosine schedule).")
{
    /// <summary>Epoch of the diverging batch (1-based).</summary>
    public int Epoch { get; } = epoch;

    /// <summary>The diverging batch within its epoch (1-based).</summary>
    public int Batch { get; } = batch;

    /// <summary>The non-finite loss.</summary>
    public double Loss { get; } = loss;

    /// <summary>The learning rate in force for that batch.</summary>
    public double LearningRate { get; } = learningRate;
}
