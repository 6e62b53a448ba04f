namespace XaiLab.Data.Entities;

/// <summary>What an annotator sees for one item.</summary>
public enum StudyItemKind
{
    /// <summary>One map over its slice, rated on the study's Likert scale.</summary>
    Single,

    /// <summary>Two maps of the same slice side by side; the annotator picks the better one (A/B preference).</summary>
    Pair,
}
