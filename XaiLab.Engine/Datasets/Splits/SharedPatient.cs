namespace XaiLab.Engine.Datasets.Splits;

/// <summary>A patient whose slices sit in more than one split.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Splits">The splits holding their slices, in enum order.</param>
/// <param name="SliceCount">How many slices the patient has in all.</param>
public sealed record SharedPatient(string PatientId, IReadOnlyList<DatasetSplit> Splits, int SliceCount);
