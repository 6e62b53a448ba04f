using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;

namespace XaiLab.Web.Jobs.Evaluations;

/// <summary>An external evaluation whose worker died is computed again, or ends failed with the reason.</summary>
public sealed class EvaluationRecovery(IDbContextFactory<XaiLabDbContext> contexts, IBackgroundJobClient jobs, TimeProvider time) : IJobRecovery
{
    public string Kind => JobKinds.Evaluation;

    public async Task ResumeAsync(int entityId, bool atStartup, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.RunEvaluations.AnyAsync(e => e.Id == entityId && e.Status == RunEvaluationStatus.Running, cancellationToken))
        {
            jobs.Enqueue<EvaluationJob>(job => job.RunAsync(entityId, CancellationToken.None));
        }
    }

    public async Task FailAsync(int entityId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RunEvaluations.Where(e => e.Id == entityId && (e.Status == RunEvaluationStatus.Running || e.Status == RunEvaluationStatus.Queued))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, RunEvaluationStatus.Failed).SetProperty(e => e.Error, reason)
                .SetProperty(e => e.FinishedAt, time.GetUtcNow()), cancellationToken);
    }
}
