namespace XaiLab.Web.Services.Accounts;

/// <summary>Claims XaiLab adds to a signed-in user's principal (besides Identity's name, id and role claims).</summary>
public static class XaiLabClaims
{
    /// <summary>One claim per team the user belongs to, value = team id, in the user's team order (first team first).</summary>
    public const string Team = "xailab:team";
}
