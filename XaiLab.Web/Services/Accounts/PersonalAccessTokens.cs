using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;

namespace XaiLab.Web.Services.Accounts;

/// <summary>
/// Creates, lists, revokes and resolves personal access tokens: "xl_" + 32 random bytes (base64url), stored as the
/// SHA-256 of the token only, so a copy of the database gives nobody a working token.
/// </summary>
public sealed class PersonalAccessTokens(IDbContextFactory<XaiLabDbContext> contexts, TimeProvider time)
{
    public const string TokenPrefix = "xl_";
    private const int PrefixLength = 10;

    /// <summary>Days a new token lives unless its owner asks otherwise: 90.</summary>
    public const int DefaultLifetimeDays = 90;

    /// <summary>The longest lifetime a token may be given: 3,650 days.</summary>
    public const int MaxLifetimeDays = 3650;

    /// <param name="expiresInDays">1 to <see cref="MaxLifetimeDays"/>; default <see cref="DefaultLifetimeDays"/>.</param>
    public async Task<CreatedToken> CreateAsync(string userId, string? name, CancellationToken cancellationToken = default, int? expiresInDays = null)
    {
        var days = expiresInDays ?? DefaultLifetimeDays;
        if (days is < 1 or > MaxLifetimeDays)
        {
            throw new RequestValidationException($"expiresInDays must be between 1 and {MaxLifetimeDays}.");
        }
        var label = string.IsNullOrWhiteSpace(name) ? $"token {time.GetUtcNow():yyyy-MM-dd HH:mm}" : name.Trim();
        if (label.Length > 100)
        {
            throw new RequestValidationException("A token name may have at most 100 characters.");
        }
        var token = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new PersonalAccessToken
        {
            UserId = userId,
            Name = label,
            TokenHash = Hash(token),
            Prefix = token[..PrefixLength],
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = time.GetUtcNow().AddDays(days),
        };
        db.PersonalAccessTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(row.Id, row.Name, token);
    }

    public async Task<IReadOnlyList<TokenSummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt, t.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of <paramref name="userId"/>'s tokens.</summary>
    /// <exception cref="RequestValidationException">Not found (404) when they have no such live token.</exception>
    public async Task RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, cancellationToken);
        if (row is null)
        {
            throw RequestValidationException.NotFound($"Token {tokenId} does not exist or is already revoked.");
        }
        row.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Revokes every live token of a user (their password was reset, or they were locked out); returns how many.</summary>
    public async Task<int> RevokeAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PersonalAccessTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    /// <summary>The owner of a live token, and notes its use; null for an unknown or revoked token.</summary>
    public async Task<string?> ResolveAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }
        var hash = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var row = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null
            && (t.ExpiresAt == null || t.ExpiresAt > now), cancellationToken);
        if (row is null)
        {
            return null;
        }
        if (row.LastUsedAt is null || now - row.LastUsedAt.Value > TimeSpan.FromMinutes(1))
        {
            // Once a minute at most: a script polling a run must not turn every read into a write.
            row.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return row.UserId;
    }

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes, as stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
