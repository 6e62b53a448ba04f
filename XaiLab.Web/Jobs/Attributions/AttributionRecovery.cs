using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;

namespace XaiLab.Web.Jobs.Attributions;

/// <summary>
/// An attribution request whose worker died is computed again (the maps it stored are reused from the cache), or ends
/// failed with the reason. A run's own request (its training's saliency step) is left to the run while the run is
/// unfinished: the resumed run computes it again.
/// </summary>
public sealed class AttributionRecovery(IDbContextFactory<XaiLabDbContext> contexts, IBackgroundJobClient jobs, TimeProvider time) : IJobRecovery
{
    public string Kind => JobKinds.Attribution;

    public async Task ResumeAsync(int entityId, bool atStartup, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.AttributionRequests.AsNoTracking().Where(r => r.Id == entityId && r.Status == AttributionRequestStatus.Running)
            .Select(r => new { r.TrainingRunId }).FirstOrDefaultAsync(cancellationToken);
        var ownedByUnfinishedRun = request?.TrainingRunId is { } runId
            && await db.Runs.AnyAsync(r => r.Id == runId && r.Status != RunStatus.Succeeded, cancellationToken);
        if (request is not null && !ownedByUnfinishedRun)
        {
            jobs.Enqueue<AttributionJob>(job => job.RunAsync(entityId, CancellationToken.None));
        }
    }

    public async Task FailAsync(int entityId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.AttributionRequests
            .Where(r => r.Id == entityId && (r.Status == AttributionRequestStatus.Running || r.Status == AttributionRequestStatus.Queued))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, AttributionRequestStatus.Failed)
                .SetProperty(r => r.Error, reason).SetProperty(r => r.FinishedAt, time.GetUtcNow()), cancellationToken);
    }
}
