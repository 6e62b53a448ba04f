using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using XaiLab.Data.Entities;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// Base of component tests: bUnit with MudBlazor's services and loose JS interop (MudBlazor and Plotly call JS we don't
/// assert on), signed in as an administrator of the default team (<see cref="SignInAs"/> changes that). Disposed
/// asynchronously, as MudBlazor's services require.
/// </summary>
public abstract class MudBunitContext : IAsyncLifetime
{
    protected MudBunitContext()
    {
        // Pages read SQLite asynchronously; on a loaded CI machine that takes longer than bUnit's 1 s default.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Authorization = Context.AddAuthorization();
        // The real current user over bUnit's authentication state, and the real audit log (over the test's database).
        Context.Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        Context.Services.AddScoped<ICurrentUser, CurrentUser>();
        Context.Services.AddScoped<TeamAccess>();
        Context.Services.AddScoped<IAuditLog, AuditLog>();
        SignInAs(XaiLabRoles.Admin, Team.DefaultTeamId);
    }

    protected BunitContext Context { get; } = new();

    protected IServiceCollection Services => Context.Services;

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>The authentication state pages see: <paramref name="role"/>, the policies that role passes, and the teams.</summary>
    protected void SignInAs(string role, params int[] teamIds)
    {
        Authorization.SetAuthorized($"{role.ToLowerInvariant()}@test.local");
        Authorization.SetRoles(role);
        Authorization.SetPolicies(PoliciesOf(role));
        Authorization.SetClaims(
        [
            new Claim(ClaimTypes.NameIdentifier, $"{role.ToLowerInvariant()}-id"),
            .. teamIds.Select(id => new Claim(XaiLabClaims.Team, id.ToString(CultureInfo.InvariantCulture))),
        ]);
    }

    private static string[] PoliciesOf(string role) => role switch
    {
        XaiLabRoles.Admin => [XaiLabPolicies.Read, XaiLabPolicies.Write, XaiLabPolicies.Admin],
        XaiLabRoles.Researcher => [XaiLabPolicies.Read, XaiLabPolicies.Write],
        XaiLabRoles.Viewer => [XaiLabPolicies.Read],
        _ => [],
    };

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
