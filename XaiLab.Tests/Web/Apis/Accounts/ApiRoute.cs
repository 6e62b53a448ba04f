namespace XaiLab.Tests.Web.Apis.Accounts;

/// <summary>Who a route is for.</summary>
public enum RouteAccess
{
    /// <summary>Everyone, signed in or not (/api/health, /api/auth/token).</summary>
    Open,

    /// <summary>Any signed-in user (their own identity and tokens).</summary>
    SignedIn,

    /// <summary>Viewers, Researchers and Admins.</summary>
    Read,

    /// <summary>Researchers and Admins.</summary>
    Write,

    /// <summary>Admins.</summary>
    Admin,
}

/// <summary>
/// One row of the access matrix: a route, who may use it, and how to call it for a team's objects. Placeholders in
/// <see cref="Template"/>: {dataset}, {importing}, {run}, {slice}, {map} (a stored attribution map), {embedding}, {evaluation} (an external evaluation), {attribution}, {method} (the
/// team's objects), {token} (a token id nobody has), {gone} (an attribution request id nobody has), {scan} (the token of the team's explained scan), {study} (a study id nobody has), {user} (a user id nobody has),
/// {layer} (image) and {format} (png).
/// <see cref="Body"/> gets the team whose ids are used (its id may go in a teamId field).
/// </summary>
public sealed record ApiRoute(string Method, string Template, RouteAccess Access, Func<TeamObjects, HttpContent?>? Body = null)
{
    /// <summary>A permitted read answers a permanent redirect (308) to the object's current address instead of 200.</summary>
    public bool Redirects { get; init; }

    /// <summary>Whether the route names team-owned objects (or a team), so that another team's ids can be tried.</summary>
    public bool HasTeamScope => TeamInBody || TeamPlaceholders.Any(p => Template.Contains(p, StringComparison.Ordinal));

    /// <summary>A permitted caller may get 404: the route names an object the matrix does not seed ({token}, {study}, {user}).</summary>
    public bool MayBeMissing => Access == RouteAccess.SignedIn || Template.Contains("{study}", StringComparison.Ordinal)
        || Template.Contains("{user}", StringComparison.Ordinal) || Template.Contains("{gone}", StringComparison.Ordinal);

    private static readonly string[] TeamPlaceholders = ["{dataset}", "{importing}", "{run}", "{slice}", "{map}", "{embedding}", "{evaluation}", "{attribution}", "{scan}"];

    /// <summary>The body carries a teamId rather than the path an id.</summary>
    public bool TeamInBody { get; init; }

    /// <summary>The route takes a list of ids and leaves out those the caller cannot see (200 without them, like a list).</summary>
    public bool DropsUnknownIds { get; init; }

    public string Name => $"{Method} {Template}";

    public string Path(TeamObjects team) => Template
        .Replace("{dataset}", team.DatasetId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{importing}", team.ImportingDatasetId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{run}", team.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{slice}", team.SliceId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{map}", team.AttributionMapId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{embedding}", team.EmbeddingId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{evaluation}", team.EvaluationId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{attribution}", team.AttributionRequestId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{method}", team.Method, StringComparison.Ordinal)
        .Replace("{scan}", team.ScanToken, StringComparison.Ordinal)
        .Replace("{token}", "999999", StringComparison.Ordinal)
        .Replace("{format}", "png", StringComparison.Ordinal)
        .Replace("{study}", "999999", StringComparison.Ordinal)
        .Replace("{user}", "no-such-user", StringComparison.Ordinal)
        .Replace("{gone}", "999999", StringComparison.Ordinal)
        .Replace("{layer}", "image", StringComparison.Ordinal);
}
