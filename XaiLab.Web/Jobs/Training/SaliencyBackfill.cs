using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Web.Jobs.Attributions;

namespace XaiLab.Web.Jobs.Training;

/// <summary>
/// Gives every succeeded run with stored weights its built-in saliency maps: a run trained before the step became an
/// attribution request (its old maps were dropped with the SaliencyMaps table), or restored from such a backup, gets
/// the step's request queued as an ordinary job. Run by the web node at start; a run that has a request is left alone.
/// </summary>
public sealed class SaliencyBackfill(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, IBackgroundJobClient jobs,
    TimeProvider time, ILogger<SaliencyBackfill> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking()
            .Where(r => r.Status == RunStatus.Succeeded && r.CheckpointPath != null)
            .Where(r => !db.AttributionRequests.Any(a => a.TrainingRunId == r.Id))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var requests = new List<AttributionRequest>();
        foreach (var run in runs.Where(r => store.Exists(r.CheckpointPath!)))
        {
            var request = await SaliencyStage.AddRequestAsync(db, run, time, cancellationToken);
            if (request.Total > 0)
            {
                requests.Add(request);
            }
            else
            {
                db.AttributionRequests.Remove(request);
            }
        }
        if (requests.Count == 0)
        {
            return;
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var request in requests)
        {
            jobs.Enqueue<AttributionJob>(job => job.RunAsync(request.Id, CancellationToken.None));
        }
        logger.LogInformation("Queued the built-in saliency maps of {Count} runs that had none", requests.Count);
    }
}
