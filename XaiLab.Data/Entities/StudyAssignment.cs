namespace XaiLab.Data.Entities;

/// <summary>
/// One presentation of an item to an annotator, at <see cref="Position"/> in that annotator's own seeded order. A repeated
/// item (for intra-rater consistency) has two assignments, the later one with <see cref="IsRepeat"/>. The annotator only
/// ever sees <see cref="Token"/>, which reveals nothing about the item.
/// </summary>
public class StudyAssignment
{
    public int Id { get; set; }
    public int StudyId { get; set; }
    public Study? Study { get; set; }

    /// <summary>Identity user id of the annotator (no foreign key: users live in the accounts store).</summary>
    public required string AnnotatorUserId { get; set; }
    public int StudyItemId { get; set; }
    public StudyItem? Item { get; set; }

    /// <summary>0-based place in the annotator's order.</summary>
    public int Position { get; set; }
    public bool IsRepeat { get; set; }

    /// <summary>For a pair item: whether map B is shown on the left (sides are shuffled per presentation).</summary>
    public bool SwapSides { get; set; }

    /// <summary>Random opaque id of this presentation (32 hex digits), used in annotators' URLs; unique.</summary>
    public required string Token { get; set; }

    /// <summary>When the item was first shown to the annotator.</summary>
    public DateTimeOffset? ShownAt { get; set; }
    public SaliencyRating? Rating { get; set; }
}
