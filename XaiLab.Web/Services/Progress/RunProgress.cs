using XaiLab.Data.Entities;

namespace XaiLab.Web.Services.Progress;

/// <summary>A snapshot of a run's progress pushed to open pages.</summary>
/// <param name="Stage">What the run is doing now: training, evaluating, explaining, or the status it ended with.</param>
public sealed record RunProgress(
    int RunId,
    RunStatus Status,
    double Progress,
    RunStage Stage,
    int Epoch,
    int Epochs,
    int Batch,
    int BatchesPerEpoch,
    double? Loss,
    TimeSpan? Eta)
{
    /// <summary>The stage as a person reads it, e.g. "training epoch 1, batch 3" (recorded with a worker's death).</summary>
    public string Describe() => Stage == RunStage.Training && Epoch > 0
        ? Batch > 0 ? $"training epoch {Epoch}, batch {Batch} of {BatchesPerEpoch}" : $"training epoch {Epoch}"
        : WireNames.Of(Stage);
}
