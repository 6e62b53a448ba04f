using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using XaiLab.Data.Entities;

namespace XaiLab.Web.Services.Accounts;

/// <summary>
/// A circuit's authentication state, checked every <see cref="AccountsOptions.RevalidationMinutes"/>: a deleted user, or
/// one whose security stamp changed (role, teams or password changed, locked out), is signed out of open pages too.
/// </summary>
public sealed class XaiLabRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory scopes;
    private readonly IOptions<IdentityOptions> identity;
    private readonly IOptions<AccountsOptions> accounts;

    public XaiLabRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopes,
        IOptions<IdentityOptions> identity,
        IOptions<AccountsOptions> accounts)
        : base(loggerFactory)
    {
        this.scopes = scopes;
        this.identity = identity;
        this.accounts = accounts;
        // The host announces the user of a circuit or server-rendered page through this event; API calls never do.
        AuthenticationStateChanged += _ => HasState = true;
    }

    /// <summary>True once the host gave this scope a user: it serves a circuit or a rendered page, not an API call.</summary>
    public bool HasState { get; private set; }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(accounts.Value.RevalidationMinutes);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<XaiLabUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }
        var stamp = authenticationState.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
