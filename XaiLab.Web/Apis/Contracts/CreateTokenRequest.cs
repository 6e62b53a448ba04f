namespace XaiLab.Web.Apis.Contracts;

/// <param name="ExpiresInDays">1 to 3,650; default 90.</param>
public sealed record CreateTokenRequest(string? Name, int? ExpiresInDays = null);
