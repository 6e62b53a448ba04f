namespace XaiLab.Data.Entities;

/// <summary>One line of the audit log: who did what, when, to which object.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The acting user; null for anonymous attempts (a failed sign-in) and for the system.</summary>
    public string? UserId { get; set; }

    /// <summary>The user's e-mail at the time (kept when the user is deleted), or the name a failed sign-in tried.</summary>
    public string? UserName { get; set; }

    /// <summary>What happened, e.g. "signin.succeeded", "dataset.upload", "run.launch" (see AuditActions).</summary>
    public required string Action { get; set; }

    /// <summary>Kind of object acted on, e.g. "dataset", "run", "user".</summary>
    public required string ObjectType { get; set; }
    public string? ObjectId { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}
