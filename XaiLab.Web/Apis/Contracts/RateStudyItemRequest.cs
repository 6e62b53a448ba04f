namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// An annotator's answer to the presentation <see cref="Token"/>: <see cref="Value"/> (1..scale points) for a single
/// item, <see cref="Choice"/> ("left" or "right", as shown) for a pair; optional click point in 0..1 image coordinates
/// (when the study asks for it) and comment. Answering again replaces the earlier answer.
/// </summary>
public sealed record RateStudyItemRequest(string? Token, int? Value, string? Choice, double? ClickX, double? ClickY, string? Comment);
