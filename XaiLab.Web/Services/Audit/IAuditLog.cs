namespace XaiLab.Web.Services.Audit;

/// <summary>Records who did what to which object; the acting user and their address come from the current request or
/// circuit. Call it after the action succeeded (sign-in failures are recorded as failures).</summary>
public interface IAuditLog
{
    /// <param name="action">What happened; one of <see cref="AuditActions"/> (or a new dotted name).</param>
    /// <param name="objectType">Kind of object, e.g. "dataset", "run", "study".</param>
    /// <param name="objectId">Its id, when there is one.</param>
    /// <param name="detail">A short human-readable note; never a password or a token.</param>
    Task RecordAsync(string action, string objectType, string? objectId, string? detail, CancellationToken ct);
}
