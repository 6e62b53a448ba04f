namespace XaiLab.Engine.Training;

/// <summary>Progress after one optimiser step.</summary>
/// <param name="Epoch">Current epoch, 1-based.</param>
/// <param name="Batch">Batch just finished, 1-based.</param>
/// <param name="BatchesPerEpoch">Batches in every epoch.</param>
/// <param name="Loss">Mean cross-entropy of this batch.</param>
public sealed record BatchProgress(int Epoch, int Batch, int BatchesPerEpoch, double Loss);
