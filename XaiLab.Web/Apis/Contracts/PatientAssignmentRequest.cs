namespace XaiLab.Web.Apis.Contracts;

/// <summary>One patient of a hand-made split: <c>{"patientId", "split"}</c>, split train, validation, test or unassigned.</summary>
public sealed record PatientAssignmentRequest(string PatientId, string Split);
