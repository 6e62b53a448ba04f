namespace XaiLab.Data.Entities;

/// <summary>Life cycle of a training run. Lower-case names are the API contract (queued, running, ...).</summary>
public enum RunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
