using XaiLab.Data.Entities;

namespace XaiLab.Web.Services.Progress;

public static class RunStages
{
    /// <summary>The stage a run in <paramref name="status"/> is in when nothing more precise is known (running: training).</summary>
    public static RunStage Of(RunStatus status) => status switch
    {
        RunStatus.Queued => RunStage.Queued,
        RunStatus.Running => RunStage.Training,
        RunStatus.Succeeded => RunStage.Succeeded,
        RunStatus.Cancelled => RunStage.Cancelled,
        _ => RunStage.Failed,
    };
}
