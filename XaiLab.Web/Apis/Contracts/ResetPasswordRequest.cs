namespace XaiLab.Web.Apis.Contracts;

/// <summary>Body of <c>POST /api/admin/users/{id}/password</c>: the new password, under the sign-in form's rules.</summary>
public sealed record ResetPasswordRequest(string? Password);
