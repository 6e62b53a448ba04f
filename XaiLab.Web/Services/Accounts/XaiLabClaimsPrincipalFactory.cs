using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XaiLab.Data;
using XaiLab.Data.Entities;

namespace XaiLab.Web.Services.Accounts;

/// <summary>Identity's principal (id, name, roles) plus one <see cref="XaiLabClaims.Team"/> claim per membership, first
/// team first. Cookies and tokens both build their principal here.</summary>
public sealed class XaiLabClaimsPrincipalFactory(
    UserManager<XaiLabUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    IDbContextFactory<XaiLabDbContext> contexts)
    : UserClaimsPrincipalFactory<XaiLabUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(XaiLabUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await contexts.CreateDbContextAsync();
        var teams = await db.TeamMemberships.Where(m => m.UserId == user.Id)
            .OrderBy(m => m.Position).ThenBy(m => m.TeamId)
            .Select(m => m.TeamId)
            .ToListAsync();
        foreach (var team in teams)
        {
            identity.AddClaim(new Claim(XaiLabClaims.Team, team.ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
