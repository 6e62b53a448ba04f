using Microsoft.AspNetCore.Http;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.TestDoubles;

/// <summary>
/// Stands in for the accounts work's current user in in-process API tests: the caller is named by the
/// <see cref="UserHeader"/> request header and holds the comma-separated roles of <see cref="RolesHeader"/>; without the
/// header the caller is anonymous.
/// </summary>
public sealed class HeaderCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string UserHeader = "X-Test-User";
    public const string RolesHeader = "X-Test-Roles";

    private IHeaderDictionary? Headers => accessor.HttpContext?.Request.Headers;

    public string? UserId => Headers?[UserHeader].FirstOrDefault() is { Length: > 0 } user ? user : null;

    public bool IsAuthenticated => UserId is not null;

    public bool IsInRole(string role) =>
        IsAuthenticated && (Headers?[RolesHeader].FirstOrDefault() ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(role, StringComparer.Ordinal);

    public IReadOnlyList<int> TeamIds => IsAuthenticated ? [1] : [];
}
