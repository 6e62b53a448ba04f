namespace XaiLab.Data.Entities;

/// <summary>
/// A blinded rating study: annotators rate stored attribution maps (<see cref="StudyItem"/>) against the expert mask on a
/// Likert scale, or choose between two maps, each in an order of their own (<see cref="StudyAssignment"/>). While
/// <see cref="Status"/> is open, nothing an annotator receives names a run, model or method.
/// </summary>
public class Study : ITeamOwned
{
    public int Id { get; set; }
    public int TeamId { get; set; } = Team.DefaultTeamId;
    public Team? Team { get; set; }
    public required string Title { get; set; }

    /// <summary>The question shown with every item, e.g. "How well does the highlighted region match the tumour?".</summary>
    public required string Question { get; set; }

    /// <summary>Points of the Likert scale, 1..ScalePoints; default 5.</summary>
    public int ScalePoints { get; set; } = 5;

    /// <summary>Whether annotators may click where they see the evidence (stored as a point in 0..1 image coordinates).</summary>
    public bool AskClick { get; set; }

    /// <summary>Seed of every annotator's item order and of the repeated items' choice.</summary>
    public int Seed { get; set; } = 1;

    public StudyStatus Status { get; set; }

    /// <summary>Identity user id of the researcher who created the study; null when created without accounts.</summary>
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<StudyItem> Items { get; set; } = [];
    public List<StudyAssignment> Assignments { get; set; } = [];
}
