namespace XaiLab.Data.Entities;

public enum AttributionRequestStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,

    /// <summary>Stopped on the user's request; maps stored before the stop stay cached.</summary>
    Cancelled,
}
