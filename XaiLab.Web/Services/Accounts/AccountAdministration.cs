using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Web.Services.Accounts;

/// <summary>Teams and users, for administrators (the admin API and page) and the first-start bootstrap.</summary>
public sealed class AccountAdministration(
    UserManager<XaiLabUser> users,
    RoleManager<IdentityRole> roles,
    IDbContextFactory<XaiLabDbContext> contexts,
    IAuditLog audit,
    PersonalAccessTokens tokens,
    TimeProvider time)
{
    public async Task<int> CreateTeamAsync(string? name, CancellationToken cancellationToken = default)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 200)
        {
            throw new RequestValidationException("A team needs a name of 1 to 200 characters.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Teams.AnyAsync(t => t.Name == trimmed, cancellationToken))
        {
            throw new RequestValidationException($"A team named '{trimmed}' already exists.", conflict: true);
        }
        var team = new Team { Name = trimmed, CreatedAt = time.GetUtcNow() };
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.TeamCreated, "team", team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), trimmed, cancellationToken);
        return team.Id;
    }

    /// <summary>Creates a user with one role and the given teams (first team first).</summary>
    /// <exception cref="RequestValidationException">Unknown role or team, a taken e-mail, or a password Identity rejects.</exception>
    public async Task<string> CreateUserAsync(string? email, string? password, string? role, IReadOnlyList<int>? teamIds,
        CancellationToken cancellationToken = default)
    {
        var user = await CreateUserCoreAsync(email, password, role, teamIds, cancellationToken);
        await audit.RecordAsync(AuditActions.UserCreated, "user", user.Id, $"{user.Email} as {CanonicalRole(role)}", cancellationToken);
        return user.Id;
    }

    public async Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Every user with their role and teams, by e-mail.</summary>
    public async Task<IReadOnlyList<UserSummary>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.LockoutEnd, Teams = u.Memberships.OrderBy(m => m.Position).Select(m => m.TeamId).ToList() })
            .ToListAsync(cancellationToken);
        var userRoles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return rows.Select(u => new UserSummary(u.Id, u.Email ?? string.Empty,
            userRoles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? string.Empty).FirstOrDefault() ?? string.Empty,
            u.Teams, u.LockoutEnd is { } end && end > now)).ToList();
    }

    /// <summary>
    /// Changes what is given of a user's role, teams (first team first) and lock. The user's open sessions and tokens see
    /// the change at once (the security stamp changes, so cookies are re-validated). Refuses to leave the installation
    /// without an unlocked administrator.
    /// </summary>
    /// <exception cref="RequestValidationException">Unknown user (404), role or team (400), or the last administrator (409).</exception>
    public async Task UpdateUserAsync(string userId, string? role, IReadOnlyList<int>? teamIds, bool? locked,
        CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userId);
        var current = (await users.GetRolesAsync(user)).FirstOrDefault();
        var roleName = role is null ? current : CanonicalRole(role) ?? throw new RequestValidationException(
            $"Unknown role '{role}'. Valid: {string.Join(", ", XaiLabRoles.All)}.");
        var demoted = current == XaiLabRoles.Admin && roleName != XaiLabRoles.Admin;
        if ((demoted || (locked == true && current == XaiLabRoles.Admin)) && await UnlockedAdminCountAsync() <= 1)
        {
            throw new RequestValidationException("This is the last unlocked administrator: make another one first.", conflict: true);
        }
        var changes = new List<string>();
        if (roleName != current && roleName is not null)
        {
            if (current is not null) Check(await users.RemoveFromRoleAsync(user, current));
            Check(await users.AddToRoleAsync(user, roleName));
            changes.Add($"role {current} -> {roleName}");
        }
        if (teamIds is not null)
        {
            var teams = teamIds.Distinct().ToList();
            await RequireTeamsAsync(teams, cancellationToken);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.TeamMemberships.Where(m => m.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            db.TeamMemberships.AddRange(Memberships(user.Id, teams));
            await db.SaveChangesAsync(cancellationToken);
            changes.Add($"teams [{string.Join(", ", teams)}]");
        }
        if (locked is { } lockUser)
        {
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, lockUser ? DateTimeOffset.MaxValue : null));
            if (!lockUser) Check(await users.ResetAccessFailedCountAsync(user));
            changes.Add(lockUser ? "locked" : "unlocked");
        }
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.RecordAsync(AuditActions.UserUpdated, "user", user.Id, $"{user.Email}: {string.Join("; ", changes)}", cancellationToken);
    }

    /// <summary>Sets a new password chosen by an administrator; the user's open sessions end.</summary>
    /// <exception cref="RequestValidationException">Unknown user (404) or a password Identity's rules reject (400).</exception>
    public async Task ResetPasswordAsync(string userId, string? password, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userId);
        if (string.IsNullOrEmpty(password))
        {
            throw new RequestValidationException("password is required.");
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
        // A new password ends every way in that the old one gave: sessions (the new security stamp) and tokens.
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync(AuditActions.PasswordReset, "user", user.Id, user.Email, cancellationToken);
    }

    /// <summary>
    /// Deletes a user, their team memberships and access tokens. A user who rated or is assigned study items is kept
    /// (their ratings are study results): lock them instead. The last unlocked administrator cannot be deleted.
    /// </summary>
    /// <exception cref="RequestValidationException">Unknown user (404); study assignments or the last administrator (409).</exception>
    public async Task DeleteUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userId);
        if (await users.IsInRoleAsync(user, XaiLabRoles.Admin) && await UnlockedAdminCountAsync() <= 1)
        {
            throw new RequestValidationException("This is the last unlocked administrator: make another one first.", conflict: true);
        }
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.StudyAssignments.AnyAsync(a => a.AnnotatorUserId == user.Id, cancellationToken))
            {
                throw new RequestValidationException(
                    $"{user.Email} has rating assignments in studies, which are results: lock the account instead.", conflict: true);
            }
        }
        Check(await users.DeleteAsync(user));
        await audit.RecordAsync(AuditActions.UserDeleted, "user", user.Id, user.Email, cancellationToken);
    }

    /// <exception cref="RequestValidationException">The first of <paramref name="teams"/> that does not exist.</exception>
    private async Task RequireTeamsAsync(IReadOnlyList<int> teams, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var known = await db.Teams.Where(t => teams.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        if (teams.Except(known).Cast<int?>().FirstOrDefault() is { } unknown)
        {
            throw new RequestValidationException($"Team {unknown} does not exist.");
        }
    }

    /// <summary>Memberships in <paramref name="teams"/>, first team first (it owns what the user creates).</summary>
    private IEnumerable<TeamMembership> Memberships(string userId, IReadOnlyList<int> teams) =>
        teams.Select((team, position) => new TeamMembership { UserId = userId, TeamId = team, Position = position, JoinedAt = time.GetUtcNow() });

    private async Task<XaiLabUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId ?? string.Empty)
        ?? throw RequestValidationException.NotFound($"User {userId} does not exist.");

    private async Task<int> UnlockedAdminCountAsync()
    {
        var admins = await users.GetUsersInRoleAsync(XaiLabRoles.Admin);
        var now = time.GetUtcNow();
        return admins.Count(a => a.LockoutEnd is not { } end || end <= now);
    }

    /// <summary>Makes sure the four roles exist (first start and every start after a new role was added).</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var name in XaiLabRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                Check(await roles.CreateAsync(new IdentityRole(name)));
            }
        }
    }

    internal async Task<XaiLabUser> CreateUserCoreAsync(string? email, string? password, string? role, IReadOnlyList<int>? teamIds,
        CancellationToken cancellationToken)
    {
        var address = email?.Trim() ?? string.Empty;
        if (address.Length is 0 or > 256 || !address.Contains('@'))
        {
            throw new RequestValidationException("email must be an e-mail address.");
        }
        if (string.IsNullOrEmpty(password))
        {
            throw new RequestValidationException("password is required.");
        }
        var roleName = CanonicalRole(role) ?? throw new RequestValidationException(
            $"Unknown role '{role}'. Valid: {string.Join(", ", XaiLabRoles.All)}.");
        var teams = (teamIds ?? []).Distinct().ToList();
        await RequireTeamsAsync(teams, cancellationToken);
        if (await users.FindByEmailAsync(address) is not null)
        {
            throw new RequestValidationException($"A user with e-mail {address} already exists.", conflict: true);
        }

        var user = new XaiLabUser { UserName = address, Email = address, EmailConfirmed = true, CreatedAt = time.GetUtcNow() };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, roleName));
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.TeamMemberships.AddRange(Memberships(user.Id, teams));
            await db.SaveChangesAsync(cancellationToken);
        }
        return user;
    }

    private static string? CanonicalRole(string? role) =>
        XaiLabRoles.All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new RequestValidationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
