namespace XaiLab.Web.Apis.Contracts;

/// <summary>POST /api/admin/users: <see cref="Role"/> is Admin, Researcher, Annotator or Viewer; the first of
/// <see cref="TeamIds"/> owns what the user creates without naming a team.</summary>
public sealed record CreateUserRequest(string? Email, string? Password, string? Role, IReadOnlyList<int>? TeamIds);
