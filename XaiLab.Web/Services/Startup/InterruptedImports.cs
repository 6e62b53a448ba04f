using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Web.Services.Datasets;

namespace XaiLab.Web.Services.Startup;

/// <summary>
/// Imports that a dead process left "importing". One whose Hangfire job was processing is queued again at once (the
/// import jobs start from nothing, so a re-run gives the same dataset); one whose job is gone, or whose upload is gone,
/// is rolled back to failed with a reason, so no dataset stays "importing" forever. Queued imports are left alone.
/// On PostgreSQL, where several nodes share the jobs, a processing import may be running on another node: it is left to
/// Hangfire.PostgreSql, whose sliding invisibility timeout hands the job of a dead node to a live one.
/// </summary>
public sealed class InterruptedImports(
    IDbContextFactory<XaiLabDbContext> contexts,
    JobStorage storage,
    IBackgroundJobClient jobs,
    ArtifactStore store,
    DatasetUploadStore uploads,
    IOptions<DatabaseOptions> database,
    ILogger<InterruptedImports> logger)
{
    /// <summary>Message stored on an import that could not be restarted.</summary>
    public const string InterruptedMessage = "The import was interrupted when the server stopped and could not be restarted; import the data again.";

    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var importing = await db.Datasets.Where(d => d.Status == DatasetStatus.Importing)
            .Select(d => new { d.Id, d.ImportJobId, d.UploadPath, d.Source })
            .ToListAsync(cancellationToken);
        if (importing.Count == 0)
        {
            return;
        }
        using var connection = storage.GetConnection();
        foreach (var dataset in importing)
        {
            var state = dataset.ImportJobId is null ? null : connection.GetStateData(dataset.ImportJobId)?.Name;
            if (state == EnqueuedState.StateName || state == ScheduledState.StateName || state == AwaitingState.StateName
                || (state == ProcessingState.StateName && database.Value.Provider == DatabaseProvider.Postgres))
            {
                continue;
            }
            var restartable = state == ProcessingState.StateName
                // A demo needs nothing but its arguments; an upload needs its file.
                && (dataset.UploadPath is null ? dataset.Source == DatasetSource.Phantom : File.Exists(dataset.UploadPath));
            if (restartable && jobs.Requeue(dataset.ImportJobId!))
            {
                logger.LogWarning("Import of dataset {DatasetId} was interrupted; queued again", dataset.Id);
                continue;
            }
            logger.LogWarning("Import of dataset {DatasetId} was interrupted (job {State}); rolled back", dataset.Id, state ?? "missing");
            await RollBackAsync(dataset.Id, InterruptedMessage, cancellationToken);
        }
    }

    /// <summary>
    /// Queues the import of a dataset whose worker died again (it starts from nothing, so the re-run gives the same
    /// dataset); rolls it back with <see cref="InterruptedMessage"/> when the upload it needs is gone.
    /// </summary>
    public async Task RequeueAsync(int datasetId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.Where(d => d.Id == datasetId && d.Status == DatasetStatus.Importing)
            .Select(d => new { d.Id, d.ImportJobId, d.UploadPath, d.Source }).FirstOrDefaultAsync(cancellationToken);
        if (dataset is null)
        {
            return;
        }
        var restartable = dataset.UploadPath is null ? dataset.Source == DatasetSource.Phantom : File.Exists(dataset.UploadPath);
        if (!restartable || dataset.ImportJobId is null || !jobs.Requeue(dataset.ImportJobId))
        {
            await RollBackAsync(datasetId, InterruptedMessage, cancellationToken);
        }
    }

    /// <summary>Removes whatever an interrupted import wrote and ends the dataset failed with <paramref name="reason"/>.</summary>
    public async Task RollBackAsync(int datasetId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var upload = await db.Datasets.Where(d => d.Id == datasetId).Select(d => d.UploadPath).FirstOrDefaultAsync(cancellationToken);
        store.DeleteFolder($"datasets/{datasetId}");
        uploads.Delete(upload);
        await db.Slices.Where(s => s.DatasetId == datasetId).ExecuteDeleteAsync(cancellationToken);
        await db.Datasets.Where(d => d.Id == datasetId).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.Status, DatasetStatus.Failed)
            .SetProperty(d => d.Error, reason)
            .SetProperty(d => d.UploadPath, (string?)null)
            .SetProperty(d => d.SliceCount, 0)
            .SetProperty(d => d.PatientCount, 0), cancellationToken);
    }
}
