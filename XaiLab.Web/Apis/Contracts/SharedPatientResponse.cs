namespace XaiLab.Web.Apis.Contracts;

/// <summary>A patient whose slices sit in more than one split.</summary>
public sealed record SharedPatientResponse(string PatientId, IReadOnlyList<string> Splits, int SliceCount);
