namespace XaiLab.Engine.Datasets.Splits;

/// <summary>The split a slice was assigned to, with the labels it was assigned by.</summary>
public readonly record struct SplitAssignment(int SliceIndex, string ClassLabel, string PatientId, DatasetSplit Split);
