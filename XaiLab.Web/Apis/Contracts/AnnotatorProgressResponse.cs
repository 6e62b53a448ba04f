namespace XaiLab.Web.Apis.Contracts;

/// <summary>How far one annotator is: rated presentations of all of theirs.</summary>
public sealed record AnnotatorProgressResponse(string UserId, int Done, int Total);
