namespace XaiLab.Engine.Datasets.Splits;

/// <summary>What the splitter needs to know about one slice.</summary>
/// <param name="SliceIndex">Caller's index of the slice; unique.</param>
/// <param name="ClassLabel">Class name, for stratification.</param>
/// <param name="PatientId">Patient, for grouping.</param>
public readonly record struct SliceLabel(int SliceIndex, string ClassLabel, string PatientId);
