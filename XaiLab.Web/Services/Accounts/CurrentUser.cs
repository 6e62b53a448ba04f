using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace XaiLab.Web.Services.Accounts;

/// <summary>
/// <see cref="ICurrentUser"/> of a request or circuit: a circuit's authentication state (kept up to date by the
/// revalidating provider), else the request's <see cref="HttpContext.User"/> (API calls, static rendering). Scoped.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContext, AuthenticationStateProvider? authentication = null) : ICurrentUser
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal
    {
        get
        {
            if (httpContext.HttpContext?.User is { Identity.IsAuthenticated: true } requestUser)
            {
                return requestUser;
            }
            try
            {
                // Set by the host before any component of a circuit runs; an API request never sets it.
                var state = authentication?.GetAuthenticationStateAsync();
                if (state is { IsCompletedSuccessfully: true })
                {
                    return state.Result.User;
                }
            }
            catch (InvalidOperationException)
            {
                // Not a circuit: no authentication state was set.
            }
            return Anonymous;
        }
    }

    public string? UserId => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string? Email => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.Name) : null;

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
