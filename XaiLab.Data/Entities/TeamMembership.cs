namespace XaiLab.Data.Entities;

/// <summary>A user's place in a team. The membership with the lowest <see cref="Position"/> is the user's first team,
/// which owns what they create without naming a team.</summary>
public class TeamMembership
{
    public required string UserId { get; set; }
    public XaiLabUser? User { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>Order of the user's teams, 0 first.</summary>
    public int Position { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}
