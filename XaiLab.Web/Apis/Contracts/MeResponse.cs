namespace XaiLab.Web.Apis.Contracts;

/// <summary>GET /api/auth/me: who the credentials belong to.</summary>
public sealed record MeResponse(string UserId, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<int> TeamIds);
