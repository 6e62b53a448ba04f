namespace XaiLab.Engine.Training;

/// <summary>
/// Receives training progress on the training thread. Calls must return quickly: <see cref="OnBatch"/> comes after every
/// optimiser step, so throttle anything expensive (database writes, UI pushes) on the caller's side.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>After every optimiser step.</summary>
    void OnBatch(BatchProgress progress);

    /// <summary>After every epoch, with training and validation metrics.</summary>
    void OnEpoch(EpochResult result);

    /// <summary>
    /// After every epoch, after <see cref="OnEpoch"/>: the serialised <see cref="TrainingCheckpoint"/> (model, optimiser
    /// state, epoch). Persist it to resume later with <see cref="TrainingCheckpoint.FromBytes"/>.
    /// </summary>
    void OnCheckpoint(int epoch, byte[] checkpoint);
}
