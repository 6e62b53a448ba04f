namespace XaiLab.Engine.Training;

/// <summary>
/// Stops training when the validation loss has not improved on its best for <see cref="Patience"/> epochs in a row
/// (Keras' EarlyStopping with min_delta 0 and no weight restoring). Its state lives in the checkpoint so a resumed run
/// stops at the same epoch.
/// </summary>
public sealed class EarlyStopping
{
    /// <param name="patience">Epochs without improvement before stopping; at least 1.</param>
    /// <param name="best">Best validation loss so far (from a checkpoint), null at the start.</param>
    /// <param name="epochsWithoutImprovement">Epochs since <paramref name="best"/> (from a checkpoint).</param>
    public EarlyStopping(int patience, double? best = null, int epochsWithoutImprovement = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patience, 1);
        Patience = patience;
        Best = best;
        EpochsWithoutImprovement = epochsWithoutImprovement;
    }

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>Lowest validation loss seen.</summary>
    public double? Best { get; private set; }

    /// <summary>Epochs since the validation loss last improved.</summary>
    public int EpochsWithoutImprovement { get; private set; }

    /// <summary>Records an epoch's validation loss; true when training should stop after this epoch.</summary>
    public bool Update(double validationLoss)
    {
        if (Best is null || validationLoss < Best)
        {
            Best = validationLoss;
            EpochsWithoutImprovement = 0;
        }
        else
        {
            EpochsWithoutImprovement++;
        }
        return EpochsWithoutImprovement >= Patience;
    }
}
