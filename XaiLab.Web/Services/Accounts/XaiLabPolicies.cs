namespace XaiLab.Web.Services.Accounts;

/// <summary>Authorization policies of the pages and the API.</summary>
public static class XaiLabPolicies
{
    /// <summary>Reading datasets, runs, maps and scores: Viewers, Researchers and Admins (not Annotators).</summary>
    public const string Read = "xailab.read";

    /// <summary>Uploading, training, computing, relabelling, cancelling: Researchers and Admins.</summary>
    public const string Write = "xailab.write";

    /// <summary>Managing users and teams, the audit log and the job dashboard: Admins.</summary>
    public const string Admin = "xailab.admin";

    public static readonly IReadOnlyList<string> ReadRoles = [XaiLabRoles.Admin, XaiLabRoles.Researcher, XaiLabRoles.Viewer];
    public static readonly IReadOnlyList<string> WriteRoles = [XaiLabRoles.Admin, XaiLabRoles.Researcher];
}
