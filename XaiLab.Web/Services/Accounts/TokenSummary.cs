namespace XaiLab.Web.Services.Accounts;

/// <summary>A personal access token as its owner sees it later: never the token, only its first characters.</summary>
public sealed record TokenSummary(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? ExpiresAt = null);
