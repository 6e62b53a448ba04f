namespace XaiLab.Web.Services.Accounts;

/// <summary>
/// The administrator created on first start when no user exists. Bound from "XaiLab:Admin" (environment variables
/// XaiLab__Admin__Email and XaiLab__Admin__Password).
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "XaiLab:Admin";

    /// <summary>E-mail (and user name) of the first administrator. Default "admin@xailab.local".</summary>
    public string Email { get; set; } = "admin@xailab.local";

    /// <summary>Password of the first administrator; default none: a random one-time password is generated and logged
    /// once, when the administrator is created.</summary>
    public string? Password { get; set; }
}
