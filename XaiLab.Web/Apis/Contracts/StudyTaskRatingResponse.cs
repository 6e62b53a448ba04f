namespace XaiLab.Web.Apis.Contracts;

/// <summary>An annotator's own answer to an item: value or choice ("left"/"right" as shown), click point and comment.</summary>
public sealed record StudyTaskRatingResponse(int? Value, string? Choice, double? ClickX, double? ClickY, string? Comment);
