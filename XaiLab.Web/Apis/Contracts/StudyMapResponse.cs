namespace XaiLab.Web.Apis.Contracts;

/// <summary>A stored map in a study, named (researchers only).</summary>
public sealed record StudyMapResponse(int MapId, int RunId, string Architecture, string Method);
