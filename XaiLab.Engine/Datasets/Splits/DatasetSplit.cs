namespace XaiLab.Engine.Datasets.Splits;

/// <summary>The part of a dataset a slice belongs to.</summary>
public enum DatasetSplit
{
    Train,
    Validation,
    Test,

    /// <summary>In no split (too few patients for one with training and test slices, or left out of a hand-made split).</summary>
    Unassigned,
}
