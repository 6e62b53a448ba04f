namespace XaiLab.Data.Entities;

public enum RunEvaluationStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
