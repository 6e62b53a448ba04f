namespace XaiLab.Web.Apis.Contracts;

/// <summary>The annotator's next unrated item (null when <see cref="Complete"/>), with their progress and the question.</summary>
public sealed record NextStudyItemResponse(
    int StudyId,
    string Question,
    int ScalePoints,
    bool AskClick,
    int Done,
    int Total,
    bool Complete,
    StudyTaskResponse? Item);
