namespace XaiLab.Web.Apis.Contracts;

/// <summary>Slices of one patient.</summary>
public sealed record PatientCount(string PatientId, int Count);
