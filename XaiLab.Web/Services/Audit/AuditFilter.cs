namespace XaiLab.Web.Services.Audit;

/// <summary>Which audit entries to list; every given field must match. <see cref="User"/> and <see cref="Action"/> match
/// as prefixes (case-insensitive), so "signin" finds both outcomes.</summary>
public sealed record AuditFilter(string? User = null, string? Action = null, string? ObjectType = null, DateTimeOffset? From = null,
    DateTimeOffset? To = null, int Take = 500);
