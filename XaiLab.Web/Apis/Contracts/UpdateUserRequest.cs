namespace XaiLab.Web.Apis.Contracts;

/// <summary>Body of <c>PATCH /api/admin/users/{id}</c>: what is given changes (role, teams with the first owning new
/// objects, lock), what is left out stays.</summary>
public sealed record UpdateUserRequest(string? Role = null, IReadOnlyList<int>? TeamIds = null, bool? Locked = null);
