namespace XaiLab.Data.Entities;

/// <summary>A lab team: owns datasets, runs and everything derived from them.</summary>
public class Team
{
    /// <summary>Id of the team every record belongs to until accounts arrive.</summary>
    public const int DefaultTeamId = 1;

    public int Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
