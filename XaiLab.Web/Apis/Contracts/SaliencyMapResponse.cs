namespace XaiLab.Web.Apis.Contracts;

/// <summary>One stored attribution map; Url serves its overlay PNG.</summary>
public sealed record SaliencyMapResponse(int Id, int SliceId, string Method, int Target, string Url, double DurationSeconds);
