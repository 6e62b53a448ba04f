using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;

namespace XaiLab.Web.Jobs.Embeddings;

/// <summary>An embedding whose worker died is computed again, or ends failed with the reason.</summary>
public sealed class EmbeddingRecovery(IDbContextFactory<XaiLabDbContext> contexts, IBackgroundJobClient jobs, TimeProvider time) : IJobRecovery
{
    public string Kind => JobKinds.Embedding;

    public async Task ResumeAsync(int entityId, bool atStartup, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Embeddings.AnyAsync(e => e.Id == entityId && e.Status == EmbeddingStatus.Running, cancellationToken))
        {
            jobs.Enqueue<EmbeddingJob>(job => job.RunAsync(entityId, CancellationToken.None));
        }
    }

    public async Task FailAsync(int entityId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Embeddings.Where(e => e.Id == entityId && (e.Status == EmbeddingStatus.Running || e.Status == EmbeddingStatus.Queued))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EmbeddingStatus.Failed).SetProperty(e => e.Error, reason)
                .SetProperty(e => e.FinishedAt, time.GetUtcNow()), cancellationToken);
    }
}
