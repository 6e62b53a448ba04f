namespace XaiLab.Web.Services.Accounts;

/// <summary>
/// The server-side checks every service makes: which teams the caller reads, whether their role may write, and which team
/// owns an object they create. Other teams' objects are reported as missing (404), never as forbidden, so ids cannot be
/// probed.
/// </summary>
public sealed class TeamAccess(ICurrentUser user)
{
    public ICurrentUser User => user;

    /// <summary>The teams whose objects the caller sees; empty for Annotators (they see only their rating items).</summary>
    public IReadOnlyList<int> ReadableTeams =>
        XaiLabPolicies.ReadRoles.Any(user.IsInRole) ? user.TeamIds : [];

    public bool CanWrite => XaiLabPolicies.WriteRoles.Any(user.IsInRole);

    /// <exception cref="RequestValidationException">Forbidden (403) unless the caller is a Researcher or an Admin.</exception>
    public void RequireWriter()
    {
        if (!CanWrite)
        {
            throw RequestValidationException.Denied("Your role may read but not change anything.");
        }
    }

    /// <summary>The team that owns a new object: <paramref name="teamId"/> when given, else the caller's first team.</summary>
    /// <exception cref="RequestValidationException">Forbidden (403) for a Viewer/Annotator, for a user without a team, or for a
    /// team the caller is not in.</exception>
    public int OwningTeam(int? teamId)
    {
        RequireWriter();
        var teams = user.TeamIds;
        if (teamId is { } id)
        {
            return teams.Contains(id) ? id : throw RequestValidationException.Denied($"You are not a member of team {id}.");
        }
        return teams.Count > 0 ? teams[0] : throw RequestValidationException.Denied("You belong to no team; ask an administrator to add you to one.");
    }

    /// <summary>Checks that a new object derived from existing ones stays in their team.</summary>
    /// <exception cref="RequestValidationException">400 when <paramref name="requested"/> names another team than
    /// <paramref name="sourceTeam"/>.</exception>
    public static int SameTeam(int? requested, int sourceTeam, string what) =>
        requested is { } id && id != sourceTeam
            ? throw new RequestValidationException($"teamId {id} differs from the team of {what} ({sourceTeam}); derived objects stay in their source's team.")
            : sourceTeam;
}
