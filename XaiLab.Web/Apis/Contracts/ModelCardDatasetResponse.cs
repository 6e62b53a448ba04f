namespace XaiLab.Web.Apis.Contracts;

/// <summary>The dataset a model card's run trained and was tested on; the version hash covers every slice's content.</summary>
public sealed record ModelCardDatasetResponse(int Id, string Name, string? VersionHash);
