namespace XaiLab.Web.Apis.Contracts;

/// <summary>POST /api/auth/token: e-mail and password; <see cref="Name"/> labels the token in the tokens page.</summary>
public sealed record TokenRequest(string? Email, string? Password, string? Name = null);
