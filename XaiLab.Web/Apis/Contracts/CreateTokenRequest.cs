namespace XaiLab.Web.Apis.Contracts;

public sealed record CreateTokenRequest(string? Name);
