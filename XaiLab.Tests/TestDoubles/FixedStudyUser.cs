using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.TestDoubles;

/// <summary>A signed-in user fixed by the test (component tests, and the browser test until sign-in exists).</summary>
public sealed class FixedStudyUser(string userId, params string[] roles) : ICurrentUser
{
    public string? UserId { get; } = userId;

    public bool IsAuthenticated => true;

    public bool IsInRole(string role) => roles.Contains(role, StringComparer.Ordinal);

    public IReadOnlyList<int> TeamIds { get; } = [1];
}
