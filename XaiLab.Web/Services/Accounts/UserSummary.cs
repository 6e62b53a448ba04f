namespace XaiLab.Web.Services.Accounts;

/// <summary>A user as the admin page lists them.</summary>
public sealed record UserSummary(string Id, string Email, string Role, IReadOnlyList<int> TeamIds, bool LockedOut);
