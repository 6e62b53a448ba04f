namespace XaiLab.Data.Entities;

/// <summary>The part of a dataset's split a slice belongs to.</summary>
public enum SplitPart
{
    Train,
    Validation,
    Test,

    /// <summary>In no split: the dataset's patients were too few for a split with training and test slices, or a
    /// hand-made split left the patient out. Training never sees it; it can still be browsed and explained.</summary>
    Unassigned,
}
