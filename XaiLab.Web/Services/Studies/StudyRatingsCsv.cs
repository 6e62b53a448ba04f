using XaiLab.Data.Entities;
using XaiLab.Web.Services.Exports;

namespace XaiLab.Web.Services.Studies;

/// <summary>Every rated presentation of a study as one CSV row, unblinded: who rated what, where in their order, and how.</summary>
internal static class StudyRatingsCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "studyId", "annotator", "position", "isRepeat", "isGold", "itemId", "kind", "sliceId",
        "mapIdA", "runIdA", "architectureA", "methodA", "mapIdB", "runIdB", "architectureB", "methodB",
        "value", "choice", "expectedValue", "expectedChoice", "clickX", "clickY", "comment", "shownAt", "ratedAt",
    ];

    public static string Write(int studyId, IEnumerable<StudyRow> rows) =>
        CsvTable.Write(Header, rows.Where(r => r.Rating is not null).Select(r => (IReadOnlyList<object?>)
        [
            studyId, r.Assignment.AnnotatorUserId, r.Assignment.Position, r.Assignment.IsRepeat, r.Item.IsGold, r.Item.Id,
            WireNames.Of(r.Item.Kind), r.Item.Map!.SliceId,
            r.Item.MapId, r.Item.Map.RunId, r.Item.Map.Run!.Architecture, r.Item.Map.Method,
            r.Item.SecondMapId, r.Item.SecondMap?.RunId, r.Item.SecondMap?.Run!.Architecture, r.Item.SecondMap?.Method,
            r.Rating!.Value, Choice(r.Rating.Choice), r.Item.ExpectedValue, Choice(r.Item.ExpectedChoice),
            r.Rating.ClickX, r.Rating.ClickY, r.Rating.Comment, r.Assignment.ShownAt?.ToString("O"), r.Rating.UpdatedAt.ToString("O"),
        ]));

    private static string? Choice(PairChoice? choice) => choice?.ToString().ToLowerInvariant();
}
