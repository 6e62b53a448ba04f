using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Exports;

namespace XaiLab.Web.Services.Attributions;

/// <summary>The per-map rows of a run's scorecard as CSV, columns named as the JSON fields; an undefined score is empty.</summary>
public static class SaliencyScoresCsv
{
    private static readonly string[] Header =
    [
        "runId", "method", "sliceId", "parameters", "target", "maskFraction", "pointingGame", "relevanceMass", "relevanceRank",
        "iouTop5", "iouTop10", "iouTop20", "iouTop30", "diceTop5", "diceTop10", "diceTop20", "diceTop30", "auc",
        "deletionAuc", "insertionAuc",
    ];

    public static string Write(IEnumerable<SaliencyScoreRow> rows) =>
        CsvTable.Write(Header, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.RunId, r.Method, r.SliceId, r.Parameters, r.Target, r.MaskFraction, r.PointingGame, r.RelevanceMass, r.RelevanceRank,
            r.IouTop5, r.IouTop10, r.IouTop20, r.IouTop30, r.DiceTop5, r.DiceTop10, r.DiceTop20, r.DiceTop30, r.Auc,
            r.DeletionAuc, r.InsertionAuc,
        ]));
}
