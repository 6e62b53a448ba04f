namespace XaiLab.Web.Services.Accounts;

/// <summary>Sign-in hardening. Bound from the configuration section "Accounts".</summary>
public sealed class AccountsOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Sign-in attempts (the sign-in form and POST /api/auth/token together) one client address may make per
    /// minute before it gets 429. Default 10.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Failed passwords in a row that lock an account. Default 5.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked, in minutes. Default 15.</summary>
    public double LockoutMinutes { get; set; } = 15;

    /// <summary>How often a signed-in session re-reads the user's roles and teams (and ends when the user is gone), in
    /// minutes. Default 1.</summary>
    public double RevalidationMinutes { get; set; } = 1;
}
