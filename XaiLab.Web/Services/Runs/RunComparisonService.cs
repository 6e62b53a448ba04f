using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Engine.Evaluation;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Runs;

/// <summary>Paired comparison of two evaluated runs on the test slices they share.</summary>
public sealed class RunComparisonService(IDbContextFactory<XaiLabDbContext> contextFactory, TeamAccess access)
{
    /// <exception cref="RequestValidationException">When a run is not the caller's (404), has no predictions or they share no slice.</exception>
    public async Task<PairedComparisonResponse> CompareAsync(int runId, int otherRunId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var visible = await db.Runs.VisibleTo(access).Where(r => (r.Id == runId || r.Id == otherRunId)).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in new[] { runId, otherRunId }.Where(id => !visible.Contains(id)))
        {
            throw RequestValidationException.NotFound($"Run {id} does not exist.");
        }
        var first = await db.Predictions.AsNoTracking().Where(p => p.RunId == runId)
            .ToDictionaryAsync(p => p.SliceId, p => (p.Label, p.Predicted), cancellationToken);
        var second = await db.Predictions.AsNoTracking().Where(p => p.RunId == otherRunId)
            .ToDictionaryAsync(p => p.SliceId, p => (p.Label, p.Predicted), cancellationToken);
        if (first.Count == 0 || second.Count == 0)
        {
            throw new RequestValidationException($"Run {(first.Count == 0 ? runId : otherRunId)} has no test predictions yet.", conflict: true);
        }
        var shared = first.Keys.Where(second.ContainsKey).Order().ToList();
        if (shared.Count == 0 || shared.Any(id => first[id].Label != second[id].Label))
        {
            throw new RequestValidationException("The runs were not evaluated on the same test slices.", conflict: true);
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
}
