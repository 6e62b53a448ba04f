namespace XaiLab.Data.Entities;

/// <summary>
/// One thing to rate: a stored map (<see cref="StudyItemKind.Single"/>) or two maps of one slice
/// (<see cref="StudyItemKind.Pair"/>). A gold item carries the expected answer, for quality control.
/// </summary>
public class StudyItem
{
    public int Id { get; set; }
    public int StudyId { get; set; }
    public Study? Study { get; set; }
    public StudyItemKind Kind { get; set; }
    public int MapId { get; set; }
    public StoredAttribution? Map { get; set; }

    /// <summary>The second map of a pair item; null for a single item.</summary>
    public int? SecondMapId { get; set; }
    public StoredAttribution? SecondMap { get; set; }

    /// <summary>A quality-control item with a known answer; left out of the means and the agreement.</summary>
    public bool IsGold { get; set; }

    /// <summary>Expected Likert value of a single gold item.</summary>
    public int? ExpectedValue { get; set; }

    /// <summary>Expected choice of a pair gold item.</summary>
    public PairChoice? ExpectedChoice { get; set; }
}
