namespace XaiLab.Web.Services.Progress;

/// <summary>What a run is doing: waiting, one of its three working stages, or the status it ended with.</summary>
public enum RunStage
{
    Queued,
    Training,
    Evaluating,
    Explaining,
    Succeeded,
    Failed,
    Cancelled,
}
