using XaiLab.Data.Entities;

namespace XaiLab.Web.Services.Accounts;

/// <summary>
/// The one place queries are limited to the caller's teams: <c>db.Runs.VisibleTo(access)</c> and its kin. Objects that
/// belong to a team directly (<see cref="ITeamOwned"/>) are filtered by their own team, the others by the team of what
/// they belong to (a slice or an embedding by its dataset's, a stored map or an epoch by its run's). Everything outside
/// is, for the caller, missing (404), never forbidden. <c>AccessMatrixTests</c> holds every route to it.
/// </summary>
public static class TeamScope
{
    /// <summary>The objects of the teams the caller reads (<see cref="TeamAccess.ReadableTeams"/>).</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, TeamAccess access) where T : class, ITeamOwned =>
        query.InTeams(access.ReadableTeams);

    /// <summary>The objects of <paramref name="teams"/>.</summary>
    public static IQueryable<T> InTeams<T>(this IQueryable<T> query, IReadOnlyCollection<int> teams) where T : class, ITeamOwned =>
        query.Where(x => teams.Contains(x.TeamId));

    public static IQueryable<Slice> VisibleTo(this IQueryable<Slice> query, TeamAccess access)
    {
        var teams = access.ReadableTeams;
        return query.Where(s => teams.Contains(s.Dataset!.TeamId));
    }

    public static IQueryable<Embedding> VisibleTo(this IQueryable<Embedding> query, TeamAccess access)
    {
        var teams = access.ReadableTeams;
        return query.Where(e => teams.Contains(e.Dataset!.TeamId));
    }

    public static IQueryable<StoredAttribution> VisibleTo(this IQueryable<StoredAttribution> query, TeamAccess access) =>
        query.InTeams(access.ReadableTeams);

    /// <summary>The stored maps of runs of <paramref name="teams"/>.</summary>
    public static IQueryable<StoredAttribution> InTeams(this IQueryable<StoredAttribution> query, IReadOnlyCollection<int> teams) =>
        query.Where(a => teams.Contains(a.Run!.TeamId));

    public static IQueryable<EpochMetric> VisibleTo(this IQueryable<EpochMetric> query, TeamAccess access)
    {
        var teams = access.ReadableTeams;
        return query.Where(m => teams.Contains(m.Run!.TeamId));
    }
}
