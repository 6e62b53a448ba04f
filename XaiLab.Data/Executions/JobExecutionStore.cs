using Microsoft.EntityFrameworkCore;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Executions;

/// <summary>
/// Reads and writes <see cref="JobExecution"/> rows: an executor begins, reports and ends; a web node reads what
/// changed, asks for a cancel, and records a worker's death on the rows it held. Every write is one statement.
/// </summary>
public sealed class JobExecutionStore(IDbContextFactory<XaiLabDbContext> contexts, TimeProvider time)
{
    /// <summary>Marks the subject as executed by <paramref name="node"/> now; returns its crash count so far.</summary>
    public async Task<int> BeginAsync(string kind, int entityId, string node, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var updated = await db.JobExecutions.Where(e => e.Kind == kind && e.EntityId == entityId)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Node, node).SetProperty(e => e.Active, true)
                    .SetProperty(e => e.CancelRequested, false).SetProperty(e => e.UpdatedAt, now), cancellationToken);
            if (updated == 1)
            {
                return await db.JobExecutions.Where(e => e.Kind == kind && e.EntityId == entityId).Select(e => e.Crashes).SingleAsync(cancellationToken);
            }
            db.JobExecutions.Add(new JobExecution { Kind = kind, EntityId = entityId, Node = node, Active = true, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return 0;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another node inserted the row first (the unique index): update it instead.
            }
        }
    }

    /// <summary>Stores the latest stage and progress snapshot; returns whether a cancel was asked for meanwhile.</summary>
    public async Task<bool> ReportAsync(string kind, int entityId, string? stage, string? progressJson, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (stage is not null || progressJson is not null)
        {
            stage = stage is { Length: > 512 } ? stage[..512] : stage;
            await db.JobExecutions.Where(e => e.Kind == kind && e.EntityId == entityId)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Stage, e => stage ?? e.Stage)
                    .SetProperty(e => e.ProgressJson, e => progressJson ?? e.ProgressJson)
                    .SetProperty(e => e.UpdatedAt, now), cancellationToken);
        }
        return await db.JobExecutions.AnyAsync(e => e.Kind == kind && e.EntityId == entityId && e.CancelRequested, cancellationToken);
    }

    /// <summary>The executor stopped cleanly (finished, failed, cancelled or interrupted by a shutdown).</summary>
    public async Task EndAsync(string kind, int entityId, string node, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.JobExecutions.Where(e => e.Kind == kind && e.EntityId == entityId && e.Node == node)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Active, false).SetProperty(e => e.UpdatedAt, now), cancellationToken);
    }

    /// <summary>Asks the executor to stop; true when one is executing it now (it then records the cancel itself).</summary>
    public async Task<bool> RequestCancelAsync(string kind, int entityId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.JobExecutions.Where(e => e.Kind == kind && e.EntityId == entityId && e.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.CancelRequested, true), cancellationToken) == 1;
    }

    /// <summary>Rows changed after <paramref name="since"/>, oldest first (the progress relay's question).</summary>
    public async Task<List<JobExecution>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.JobExecutions.AsNoTracking().Where(e => e.UpdatedAt > since).OrderBy(e => e.UpdatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>The row of one subject, if it ever ran.</summary>
    public async Task<JobExecution?> FindAsync(string kind, int entityId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.JobExecutions.AsNoTracking().FirstOrDefaultAsync(e => e.Kind == kind && e.EntityId == entityId, cancellationToken);
    }

    /// <summary>
    /// A node died: every row it held counts one crash more, with <paramref name="death"/> ("was killed by SIGKILL
    /// (signal 9)") and the stage it was in as the reason, and is no longer active. Returns the rows as updated. Each row
    /// is taken over by one conditional update, so two web nodes noticing the same death count it once.
    /// </summary>
    public async Task<List<JobExecution>> RecordDeathAsync(string node, string death, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var candidates = await db.JobExecutions.AsNoTracking().Where(e => e.Node == node && e.Active).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var held = new List<JobExecution>();
        foreach (var execution in candidates)
        {
            var crash = Truncate($"The worker process {node} {death}{(execution.Stage is null ? "" : $" during {execution.Stage}")}.", 2048);
            var taken = await db.JobExecutions
                .Where(e => e.Id == execution.Id && e.Active && e.Node == node && e.Crashes == execution.Crashes)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Crashes, e => e.Crashes + 1).SetProperty(e => e.Active, false)
                    .SetProperty(e => e.LastCrash, crash).SetProperty(e => e.UpdatedAt, now), cancellationToken);
            if (taken == 1)
            {
                execution.Crashes++;
                execution.Active = false;
                execution.LastCrash = crash;
                execution.UpdatedAt = now;
                held.Add(execution);
            }
        }
        return held;
    }

    /// <summary>The nodes that hold active executions, each with its announcement (null when it has none).</summary>
    public async Task<List<(string Node, ComputeNode? Announcement)>> HoldersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var holders = await db.JobExecutions.Where(e => e.Active && e.Node != null).Select(e => e.Node!).Distinct().ToListAsync(cancellationToken);
        var announced = await db.ComputeNodes.AsNoTracking().Where(n => holders.Contains(n.Name)).ToDictionaryAsync(n => n.Name, cancellationToken);
        return [.. holders.Select(h => (h, announced.GetValueOrDefault(h)))];
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
