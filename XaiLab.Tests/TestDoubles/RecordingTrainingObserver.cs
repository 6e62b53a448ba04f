using XaiLab.Engine.Training;

namespace XaiLab.Tests.TestDoubles;

/// <summary>Records everything the trainer reports; optionally cancels a token after a number of batches.</summary>
public sealed class RecordingTrainingObserver(CancellationTokenSource? cancelAfter = null, int batchesBeforeCancel = 0)
    : ITrainingObserver
{
    public List<BatchProgress> Batches { get; } = [];

    public List<EpochResult> Epochs { get; } = [];

    public List<(int Epoch, byte[] Bytes)> Checkpoints { get; } = [];

    public void OnBatch(BatchProgress progress)
    {
        Batches.Add(progress);
        if (cancelAfter is not null && Batches.Count >= batchesBeforeCancel)
        {
            cancelAfter.Cancel();
        }
    }

    public void OnEpoch(EpochResult result) => Epochs.Add(result);

    public void OnCheckpoint(int epoch, byte[] checkpoint) => Checkpoints.Add((epoch, checkpoint));
}
