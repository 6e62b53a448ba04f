namespace XaiLab.Engine.Datasets.Splits;

/// <summary>What the splitter needs to know of one slice.</summary>
public sealed record SplitItem(int SliceIndex, int Label, string PatientId);
