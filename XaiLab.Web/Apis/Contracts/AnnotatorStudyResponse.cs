using XaiLab.Data.Entities;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>A study as an annotator sees it while it is blinded: what to answer and how far they are, nothing about items.</summary>
public sealed record AnnotatorStudyResponse(
    int Id,
    string Title,
    string Question,
    int ScalePoints,
    bool AskClick,
    StudyStatus Status,
    int Done,
    int Total);
