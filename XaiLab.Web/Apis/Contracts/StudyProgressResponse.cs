namespace XaiLab.Web.Apis.Contracts;

/// <summary>The annotator's progress after a rating.</summary>
public sealed record StudyProgressResponse(int Done, int Total, bool Complete);
