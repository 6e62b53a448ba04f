namespace XaiLab.Engine.Datasets.Sources;

/// <summary>One row of a <see cref="PatientLabelsCsv"/>: the file's patient and, when the CSV has the column, its label.</summary>
public sealed record PatientLabel(string PatientId, string? Label);
