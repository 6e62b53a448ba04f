namespace XaiLab.Web.Services.Attributions;

/// <summary>Where a run's sanity check stands.</summary>
public enum SanityCheckStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
