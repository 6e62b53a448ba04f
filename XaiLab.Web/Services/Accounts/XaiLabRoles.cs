namespace XaiLab.Web.Services.Accounts;

/// <summary>The roles of issue #9: Viewers read; Researchers upload, train, compute and create studies; Annotators see
/// only the rating items assigned to them; Admins manage users and teams.</summary>
public static class XaiLabRoles
{
    public const string Admin = "Admin";
    public const string Researcher = "Researcher";
    public const string Annotator = "Annotator";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Researcher, Annotator, Viewer];
}
