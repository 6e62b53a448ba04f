namespace XaiLab.Web.Services.Accounts;

/// <summary>Authentication scheme names: the default policy scheme forwards to the token scheme when a request carries an
/// Authorization header and to Identity's cookie otherwise.</summary>
public static class AccountSchemes
{
    public const string CookieOrToken = "XaiLab";
    public const string Token = "PersonalAccessToken";
}
