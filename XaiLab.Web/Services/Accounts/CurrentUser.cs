using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace XaiLab.Web.Services.Accounts;

/// <summary>
/// <see cref="ICurrentUser"/> of a request or circuit: a circuit's authentication state (kept up to date by the
/// revalidating provider, so a user signed out by revalidation loses access at once), else the request's
/// <see cref="HttpContext.User"/> (API calls). Scoped.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContext, AuthenticationStateProvider? authentication = null) : ICurrentUser
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal
    {
        get
        {
            if (authentication is XaiLabRevalidatingAuthenticationStateProvider { HasState: true } circuit)
            {
                return StateOf(circuit) ?? Anonymous;
            }
            if (httpContext.HttpContext?.User is { Identity.IsAuthenticated: true } requestUser)
            {
                return requestUser;
            }
            if (authentication is not null and not XaiLabRevalidatingAuthenticationStateProvider)
            {
                // Another provider (component tests): its state, when it has one.
                try
                {
                    return StateOf(authentication) ?? Anonymous;
                }
                catch (InvalidOperationException)
                {
                    return Anonymous;
                }
            }
            return Anonymous;
        }
    }

    private static ClaimsPrincipal? StateOf(AuthenticationStateProvider provider)
    {
        var state = provider.GetAuthenticationStateAsync();
        return state.IsCompletedSuccessfully ? state.Result.User : null;
    }

    public string? UserId => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public bool IsInRole(string role) => IsAuthenticated && Principal.IsInRole(role);

    public IReadOnlyList<int> TeamIds =>
        IsAuthenticated
            ? Principal.FindAll(XaiLabClaims.Team)
                .Select(c => int.TryParse(c.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
                .OfType<int>()
                .Distinct()
                .ToList()
            : [];
}
