using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Web.Compute;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Services.Progress;

namespace XaiLab.Web.Jobs.Training;

/// <summary>A run whose worker died resumes from its last stored epoch, or ends failed with the reason.</summary>
public sealed class RunRecovery(
    IDbContextFactory<XaiLabDbContext> contexts,
    IBackgroundJobClient jobs,
    ComputeNodesMonitor nodes,
    JobExecutionStore executions,
    TimeProvider time) : IJobRecovery
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => JobKinds.Run;

    public async Task ResumeAsync(int entityId, bool atStartup, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The dead executor's lease would make the next one wait for it to run out: it is nobody's now.
        await db.Runs.Where(r => r.Id == entityId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        if (atStartup)
        {
            return; // the start-up initializer queues every interrupted run
        }
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == entityId && r.Status == RunStatus.Running, cancellationToken);
        if (run is null)
        {
            return;
        }
        run.HangfireJobId = TrainingQueue.Enqueue(jobs, run.Id, run.Device, nodes.CudaAvailable);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task FailAsync(int entityId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == entityId, cancellationToken);
        if (run is null || run.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled)
        {
            return;
        }
        run.Status = RunStatus.Failed;
        run.Error = reason;
        run.FinishedAt = time.GetUtcNow();
        run.LeaseOwner = null;
        run.LeaseExpiresAt = null;
        run.LogTail = string.IsNullOrEmpty(run.LogTail) ? reason : $"{run.LogTail}{Environment.NewLine}{reason}";
        await db.SaveChangesAsync(cancellationToken);
        var progress = new RunProgress(run.Id, RunStatus.Failed, run.Progress, RunStage.Failed, run.CompletedEpochs, run.Epochs, 0, 0, null, null);
        await executions.ReportAsync(Kind, run.Id, "failed", JsonSerializer.Serialize(progress, Json), cancellationToken);
    }
}
