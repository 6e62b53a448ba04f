using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Studies;

/// <summary>Who may do what with studies: researchers and admins create, manage and read results; annotators rate the
/// items assigned to them.</summary>
public static class StudyAccess
{
    public static bool CanManage(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAuthenticated && (user.IsInRole(XaiLabRoles.Researcher) || user.IsInRole(XaiLabRoles.Admin));
    }
}
