using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Services.Attributions;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Services.Deletion;

/// <summary>
/// Stops the work on an object that is about to be deleted, so that no job writes rows or files after it is gone: an
/// import, a training run or an attribution request is cancelled the way its Cancel button does it, a sanity check, an
/// embedding or an external evaluation of it is asked to stop, and each call returns once the executor has let go of its subject (its
/// execution is no longer active and its status has settled). Waits at most <see cref="DeletionOptions.StopTimeout"/>,
/// then answers 409 "still stopping; try again".
/// </summary>
public sealed class WorkStopper(
    IDbContextFactory<XaiLabDbContext> contexts,
    JobExecutions executions,
    JobExecutionStore executionRows,
    DatasetImportService imports,
    RunService runs,
    AttributionService attributions,
    IOptions<DeletionOptions> options)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Cancels the dataset's import, if it is importing, and waits for the import job to roll back.</summary>
    public async Task StopImportAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        if (await DatasetStatusAsync(datasetId, cancellationToken) == DatasetStatus.Importing)
        {
            await imports.CancelAsync(datasetId, cancellationToken);
        }
        await UntilAsync($"The import of dataset {datasetId}", JobKinds.DatasetImport, datasetId,
            async ct => await DatasetStatusAsync(datasetId, ct) != DatasetStatus.Importing, cancellationToken);
        await StopEmbeddingsAsync(e => e.DatasetId == datasetId, cancellationToken);
        await StopEvaluationsAsync(e => e.DatasetId == datasetId, cancellationToken);
    }

    /// <summary>Cancels the run, if queued or running, and stops its sanity check and embeddings; waits for all of them.</summary>
    public async Task StopRunAsync(int runId, CancellationToken cancellationToken = default)
    {
        if (await RunStatusAsync(runId, cancellationToken) is RunStatus.Queued or RunStatus.Running)
        {
            await runs.CancelAsync(runId, cancellationToken);
        }
        await UntilAsync($"Run {runId}", JobKinds.Run, runId,
            async ct => await RunStatusAsync(runId, ct) is not (RunStatus.Queued or RunStatus.Running), cancellationToken);
        await StopExecutionAsync($"The sanity check of run {runId}", JobKinds.SanityCheck, runId, cancellationToken);
        await StopEmbeddingsAsync(e => e.RunId == runId, cancellationToken);
        await StopEvaluationsAsync(e => e.RunId == runId, cancellationToken);
    }

    /// <summary>Cancels the attribution request, if queued or running, and waits for its job to stop.</summary>
    public async Task StopRequestAsync(int requestId, CancellationToken cancellationToken = default)
    {
        if (await RequestStatusAsync(requestId, cancellationToken) is AttributionRequestStatus.Queued or AttributionRequestStatus.Running)
        {
            await attributions.CancelAsync(requestId, cancellationToken);
        }
        await UntilAsync($"Attribution request {requestId}", JobKinds.Attribution, requestId, _ => Task.FromResult(true), cancellationToken);
    }

    private async Task StopEmbeddingsAsync(System.Linq.Expressions.Expression<Func<Embedding, bool>> of, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var busy = await db.Embeddings.Where(of)
            .Where(e => e.Status == EmbeddingStatus.Queued || e.Status == EmbeddingStatus.Running)
            .Select(e => e.Id).ToListAsync(cancellationToken);
        foreach (var id in busy)
        {
            await StopExecutionAsync($"Embedding {id}", JobKinds.Embedding, id, cancellationToken);
        }
    }

    /// <summary>Stops the external evaluations (of a run, or on a dataset) that are queued or running.</summary>
    private async Task StopEvaluationsAsync(System.Linq.Expressions.Expression<Func<RunEvaluation, bool>> of, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var busy = await db.RunEvaluations.Where(of)
            .Where(e => e.Status == RunEvaluationStatus.Queued || e.Status == RunEvaluationStatus.Running)
            .Select(e => e.Id).ToListAsync(cancellationToken);
        foreach (var id in busy)
        {
            await StopExecutionAsync($"Evaluation {id}", JobKinds.Evaluation, id, cancellationToken);
        }
    }

    /// <summary>A job without a cancel of its own: its execution's token is cancelled, and the job ends at its next check.</summary>
    private async Task StopExecutionAsync(string what, string kind, int id, CancellationToken cancellationToken)
    {
        await executions.RequestCancelAsync(kind, id, cancellationToken);
        await UntilAsync(what, kind, id, _ => Task.FromResult(true), cancellationToken);
    }

    /// <summary>Waits until nobody executes (<paramref name="kind"/>, <paramref name="id"/>) and <paramref name="settled"/> holds.</summary>
    private async Task UntilAsync(string what, string kind, int id, Func<CancellationToken, Task<bool>> settled, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var execution = await executionRows.FindAsync(kind, id, cancellationToken);
            if (execution is not { Active: true } && await settled(cancellationToken))
            {
                return;
            }
            if (clock.Elapsed >= options.Value.StopTimeout)
            {
                throw RequestValidationException.InConflict(
                    $"{what} was asked to stop and is still stopping (on {execution?.Node ?? "no node yet"}); nothing was deleted. Try again in a moment.");
            }
            await Task.Delay(Poll, cancellationToken);
        }
    }

    private async Task<DatasetStatus?> DatasetStatusAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.Where(d => d.Id == id).Select(d => (DatasetStatus?)d.Status).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<RunStatus?> RunStatusAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.Where(r => r.Id == id).Select(r => (RunStatus?)r.Status).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<AttributionRequestStatus?> RequestStatusAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AttributionRequests.Where(r => r.Id == id).Select(r => (AttributionRequestStatus?)r.Status).FirstOrDefaultAsync(cancellationToken);
    }
}
