namespace XaiLab.Web.Services.Health;

/// <summary>Whether the database answered its last check; since when it has not, and why.</summary>
public sealed record DatabaseHealth(bool Available, DateTimeOffset? UnavailableSince, string? Error);
