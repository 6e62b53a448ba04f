using XaiLab.Data.Entities;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>A study as its researchers see it: every item with its run, model and method, and each annotator's progress.</summary>
public sealed record StudyResponse(
    int Id,
    string Title,
    string Question,
    int ScalePoints,
    bool AskClick,
    StudyStatus Status,
    string? CreatedByUserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<StudyItemResponse> Items,
    IReadOnlyList<AnnotatorProgressResponse> Annotators);
