using XaiLab.Data.Entities;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>An item of a study, unblinded (researchers only). The B fields are set for pair items.</summary>
public sealed record StudyItemResponse(
    int Id,
    StudyItemKind Kind,
    int SliceId,
    StudyMapResponse A,
    StudyMapResponse? B,
    bool IsGold,
    int? ExpectedValue,
    string? ExpectedChoice);
