using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Evaluation;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Runs;

/// <summary>Paired comparison of two evaluated runs on the test slices they share, or on a dataset both were evaluated on.</summary>
public sealed class RunComparisonService(IDbContextFactory<XaiLabDbContext> contextFactory, TeamAccess access)
{
    /// <summary>
    /// McNemar and the paired bootstrap of two runs on the slices they share: their test predictions, or, with
    /// <paramref name="evaluationDatasetId"/>, those of each run's newest succeeded evaluation on that dataset.
    /// </summary>
    /// <exception cref="RequestValidationException">When a run is not the caller's (404), has no predictions (or no
    /// succeeded evaluation on the dataset) or they share no slice (409).</exception>
    public async Task<PairedComparisonResponse> CompareAsync(int runId, int otherRunId, int? evaluationDatasetId = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var visible = await db.Runs.VisibleTo(access).Where(r => (r.Id == runId || r.Id == otherRunId)).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in new[] { runId, otherRunId }.Where(id => !visible.Contains(id)))
        {
            throw RequestValidationException.NotFound($"Run {id} does not exist.");
        }
        var first = await PredictionsAsync(db, runId, evaluationDatasetId, cancellationToken);
        var second = await PredictionsAsync(db, otherRunId, evaluationDatasetId, cancellationToken);
        if (first.Count == 0 || second.Count == 0)
        {
            var missing = first.Count == 0 ? runId : otherRunId;
            throw new RequestValidationException(evaluationDatasetId is { } datasetId
                ? $"Run {missing} has no succeeded evaluation on dataset {datasetId}."
                : $"Run {missing} has no test predictions yet.", conflict: true);
        }
        var shared = first.Keys.Where(second.ContainsKey).Order().ToList();
        if (shared.Count == 0 || shared.Any(id => first[id].Label != second[id].Label))
        {
            throw new RequestValidationException(evaluationDatasetId is null
                ? "The runs were not evaluated on the same test slices."
                : "The runs' evaluations share no slice with the same class (different splits or class maps).", conflict: true);
        }
        var labels = shared.Select(id => first[id].Label).ToArray();
        var a = shared.Select(id => first[id].Predicted).ToArray();
        var b = shared.Select(id => second[id].Predicted).ToArray();
        var mcNemar = McNemarTest.Compute(labels, a, b);
        var interval = PairedBootstrap.AccuracyDifference(labels, a, b);
        return new PairedComparisonResponse(runId, otherRunId, shared.Count, mcNemar.OnlyA, mcNemar.OnlyB, mcNemar.ExactPValue,
            mcNemar.ChiSquare, mcNemar.ChiSquarePValue, interval.Estimate, interval.Lower, interval.Upper,
            shared.Where((_, i) => a[i] != b[i]).ToList());
    }

    private async Task<Dictionary<int, (int Label, int Predicted)>> PredictionsAsync(XaiLabDbContext db, int runId, int? evaluationDatasetId,
        CancellationToken cancellationToken)
    {
        if (evaluationDatasetId is not { } datasetId)
        {
            return await db.Predictions.AsNoTracking().Where(p => p.RunId == runId)
                .ToDictionaryAsync(p => p.SliceId, p => (p.Label, p.Predicted), cancellationToken);
        }
        var evaluation = await db.RunEvaluations.AsNoTracking().VisibleTo(access)
            .Where(e => e.RunId == runId && e.DatasetId == datasetId && e.Status == RunEvaluationStatus.Succeeded)
            .OrderByDescending(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        return evaluation is null
            ? []
            : await db.EvaluationPredictions.AsNoTracking().Where(p => p.EvaluationId == evaluation)
                .ToDictionaryAsync(p => p.SliceId, p => (p.Label, p.Predicted), cancellationToken);
    }
}
