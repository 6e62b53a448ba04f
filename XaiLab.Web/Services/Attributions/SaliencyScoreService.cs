using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Evaluation.Saliency;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Attributions;

/// <summary>
/// A run's saliency scorecard: one row per stored map and, per method and parameters, the mean and 95% percentile
/// bootstrap interval (2,000 resamples, seed 1) of every score over slices, plus the share of masked slices whose top-30%
/// region reaches the IoU threshold (<see cref="ExpertMaskAgreement"/>, computed from the stored IoU at 30%).
/// </summary>
public sealed class SaliencyScoreService(IDbContextFactory<XaiLabDbContext> contexts, TeamAccess access)
{
    /// <summary>IoU a slice's top-30% region must reach to agree with the mask. Default 0.5 (PASCAL VOC's convention).</summary>
    public const double DefaultAgreementThreshold = 0.5;

    /// <summary>The scorecard of the run's maps on the slices of <paramref name="datasetId"/>: by default the run's own
    /// dataset, else a dataset the run has an external evaluation on (the maps are scored against that dataset's masks).
    /// Null for a run the caller cannot see or a dataset the run was not evaluated on.</summary>
    public async Task<SaliencyScoresResponse?> ForRunAsync(int runId, double threshold, int? datasetId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var own = await db.Runs.VisibleTo(access).Where(r => r.Id == runId).Select(r => (int?)r.DatasetId).FirstOrDefaultAsync(cancellationToken);
        if (own is null)
        {
            return null;
        }
        var dataset = datasetId ?? own.Value;
        if (dataset != own && !await db.RunEvaluations.VisibleTo(access).AnyAsync(e => e.RunId == runId && e.DatasetId == dataset, cancellationToken))
        {
            return null;
        }
        var stored = await db.StoredAttributions.AsNoTracking().Where(a => a.RunId == runId && a.Slice!.DatasetId == dataset)
            .OrderBy(a => a.Method).ThenBy(a => a.Parameters).ThenBy(a => a.SliceId).ToListAsync(cancellationToken);
        var rows = stored.Select(ToRow).ToList();
        var summary = rows.GroupBy(r => (r.Method, r.Parameters))
            .Select(g => Summarise(g.Key.Method, g.Key.Parameters, g.ToList(), threshold))
            .ToList();
        return new SaliencyScoresResponse(rows, summary);
    }

    private static SaliencyScoreSummary Summarise(string method, string parameters, List<SaliencyScoreRow> rows, double threshold)
    {
        var columns = new (string Name, Func<SaliencyScoreRow, double?> Value)[]
        {
            ("maskFraction", r => r.MaskFraction),
            ("pointingGame", r => r.PointingGame),
            ("relevanceMass", r => r.RelevanceMass),
            ("relevanceRank", r => r.RelevanceRank),
            ("iouTop5", r => r.IouTop5),
            ("iouTop10", r => r.IouTop10),
            ("iouTop20", r => r.IouTop20),
            ("iouTop30", r => r.IouTop30),
            ("diceTop5", r => r.DiceTop5),
            ("diceTop10", r => r.DiceTop10),
            ("diceTop20", r => r.DiceTop20),
            ("diceTop30", r => r.DiceTop30),
            ("auc", r => r.Auc),
            ("deletionAuc", r => r.DeletionAuc),
            ("insertionAuc", r => r.InsertionAuc),
        };
        var scores = new Dictionary<string, ScoreIntervalResponse>();
        foreach (var (name, value) in columns)
        {
            var values = rows.Select(value).Where(v => v is not null).Select(v => v!.Value).ToList();
            if (values.Count == 0) continue;
            var interval = BootstrapInterval.OfMean(values);
            scores[name] = new ScoreIntervalResponse(interval.Mean, interval.Lower, interval.Upper, interval.Count);
        }
        var masked = rows.Where(r => r.IouTop30 is not null).ToList();
        double? agreement = masked.Count == 0 ? null : masked.Count(r => r.IouTop30 >= threshold) / (double)masked.Count;
        return new SaliencyScoreSummary(method, parameters, rows.Count, scores, agreement, threshold);
    }

    private static SaliencyScoreRow ToRow(StoredAttribution a) => new(
        a.RunId, a.Method, a.SliceId, a.Parameters, a.Target,
        Defined(a.MaskFraction),
        a.PointingGame is null ? null : a.PointingGame.Value ? 1.0 : 0.0,
        Defined(a.RelevanceMass), Defined(a.RelevanceRank),
        Defined(a.IouTop5), Defined(a.IouTop10), Defined(a.IouTop20), Defined(a.IouTop30),
        Defined(a.DiceTop5), Defined(a.DiceTop10), Defined(a.DiceTop20), Defined(a.DiceTop30),
        Defined(a.Auc), a.DeletionAuc, a.InsertionAuc);

    /// <summary>JSON has no NaN: an undefined score (e.g. over an empty mask) is null.</summary>
    private static double? Defined(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
