namespace XaiLab.Web.Services.Accounts;

/// <summary>
/// Who is asking, for services that scope data to teams and roles. Pages and API handlers resolve it per request or
/// circuit; background jobs never use it (they act on behalf of the run or request they were given).
/// </summary>
public interface ICurrentUser
{
    /// <summary>The Identity user id; null when nobody is signed in.</summary>
    string? UserId { get; }

    bool IsAuthenticated { get; }

    /// <summary>Whether the user holds <paramref name="role"/> (one of <see cref="XaiLabRoles"/>).</summary>
    bool IsInRole(string role);

    /// <summary>Ids of the teams the user belongs to, first team first (it owns objects created without a team id).</summary>
    IReadOnlyList<int> TeamIds { get; }
}
