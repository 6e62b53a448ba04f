namespace XaiLab.Web.Apis.Contracts;

/// <summary>A new personal access token: send it as <c>Authorization: Bearer {token}</c>. It is shown only once.</summary>
public sealed record TokenResponse(string Token, int Id, string Name);
