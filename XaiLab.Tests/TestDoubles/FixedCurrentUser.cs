using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.TestDoubles;

/// <summary>A signed-in user with one role and fixed teams, for services tested without a request or circuit.</summary>
public sealed class FixedCurrentUser(string role, params int[] teamIds) : ICurrentUser
{
    public string? UserId { get; } = "test-user";

    public bool IsAuthenticated => true;

    public bool IsInRole(string role1) => string.Equals(role, role1, StringComparison.Ordinal);

    public IReadOnlyList<int> TeamIds { get; } = teamIds;
}
