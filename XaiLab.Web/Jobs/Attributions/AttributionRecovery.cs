using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;

namespace XaiLab.Web.Jobs.Attributions;

/// <summary>
/// An attribution request whose worker died is computed again (the maps it stored are reused from the cache), or ends
/// failed with the reason.
/// </summary>
public sealed class AttributionRecovery(IDbContextFactory<XaiLabDbContext> contexts, IBackgroundJobClient jobs, TimeProvider time) : IJobRecovery
{
    public string Kind => JobKinds.Attribution;

    public async Task ResumeAsync(int entityId, bool atStartup, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.AttributionRequests.AnyAsync(r => r.Id == entityId && r.Status == AttributionRequestStatus.Running, cancellationToken))
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
