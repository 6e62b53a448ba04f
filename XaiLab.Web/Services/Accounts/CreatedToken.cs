namespace XaiLab.Web.Services.Accounts;

/// <summary>A personal access token just created: <see cref="Token"/> is shown this once and never stored.</summary>
public sealed record CreatedToken(int Id, string Name, string Token);
