namespace XaiLab.Data.Entities;

public enum AttributionRequestStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
