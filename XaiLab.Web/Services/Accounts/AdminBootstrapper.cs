using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using XaiLab.Data.Entities;

namespace XaiLab.Web.Services.Accounts;

/// <summary>
/// First start: creates the roles and, while no user exists, the administrator of <see cref="AdminOptions"/> as a member
/// of the default team (which owns everything created before accounts). Without a configured password it generates one
/// and logs it this once; it is never logged again.
/// </summary>
public sealed class AdminBootstrapper(
    AccountAdministration administration,
    UserManager<XaiLabUser> users,
    IOptions<AdminOptions> options,
    ILogger<AdminBootstrapper> logger)
{
    /// <summary>The administrator created by this call, or null when users already existed.</summary>
    public async Task<XaiLabUser?> EnsureAdminAsync(CancellationToken cancellationToken)
    {
        await administration.EnsureRolesAsync();
        if (users.Users.Any())
        {
            return null;
        }
        var admin = options.Value;
        var generated = string.IsNullOrEmpty(admin.Password);
        var password = generated ? GeneratePassword() : admin.Password!;
        var user = await administration.CreateUserCoreAsync(admin.Email, password, XaiLabRoles.Admin, [Team.DefaultTeamId], cancellationToken);
        if (generated)
        {
            // The one place a secret reaches the log, by design: nobody could sign in otherwise. It is printed once.
            logger.LogWarning(
                "Created administrator {Email} with the one-time password {Password} — sign in and change it, or set XaiLab__Admin__Password before the first start.",
                user.Email, password);
        }
        else
        {
            logger.LogInformation("Created administrator {Email} from configuration.", user.Email);
        }
        return user;
    }

    /// <summary>20 random characters from upper, lower, digits and symbols, with at least one of each (Identity's default rules).</summary>
    private static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!#$%*+-=?@";
        const string all = upper + lower + digits + symbols;
        var chars = new char[20];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
