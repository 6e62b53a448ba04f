namespace XaiLab.Data.Entities;

/// <summary>
/// A token a user created for scripts (sent as <c>Authorization: Bearer</c>). Only the SHA-256 of the token is stored;
/// the token itself is shown once, when it is created.
/// </summary>
public class PersonalAccessToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public XaiLabUser? User { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so a user can tell their tokens apart.</summary>
    public required string Prefix { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When the token stops working; null: never (tokens made before expiry existed).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
