namespace XaiLab.Data.Entities;

/// <summary>An annotator's answer to one <see cref="StudyAssignment"/>; rating again replaces it (until the study closes).</summary>
public class SaliencyRating
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public StudyAssignment? Assignment { get; set; }

    /// <summary>The Likert value of a single item, 1..<see cref="Study.ScalePoints"/>; null for a pair item.</summary>
    public int? Value { get; set; }

    /// <summary>The preferred map of a pair item, in item order; null for a single item.</summary>
    public PairChoice? Choice { get; set; }

    /// <summary>Where the annotator sees the evidence, 0..1 from the image's left edge; null when not asked or not given.</summary>
    public double? ClickX { get; set; }

    /// <summary>0..1 from the image's top edge.</summary>
    public double? ClickY { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
