using System.Globalization;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Web.Services.Deletion;

/// <summary>
/// Deletes datasets, runs, attribution requests and studies with their rows and files. What depends on the object and
/// would be lost with it (a dataset's runs, a run's or a request's maps rated in a study, the attribution requests a
/// user made of a run, a study's ratings) refuses the delete with 409 naming the dependants, unless <c>cascade</c> is asked
/// for; then the dependants go first. Work in progress is never pulled from under a job: a queued or running run,
/// import or request answers 409 "cancel it first". Researchers and Admins only, within their teams; audited.
/// Files: a dataset's slices (<c>datasets/{id}/</c>) and resized caches (<c>cache/datasets/{id}/</c>); everything of a
/// run (<c>runs/{id}/</c>: checkpoints, maps, sanity check, exports) and its embeddings' points.
/// </summary>
public sealed class DeletionService(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, TeamAccess access, IAuditLog audit)
{
    /// <summary>The runs that would go with the dataset (for the confirmation); empty for another team's dataset.</summary>
    public async Task<IReadOnlyList<int>> RunsOfDatasetAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.VisibleTo(access).Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    public async Task DeleteDatasetAsync(int datasetId, bool cascade, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.VisibleTo(access).FirstOrDefaultAsync(d => d.Id == datasetId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Dataset {datasetId} does not exist.");
        if (dataset.Status == DatasetStatus.Importing)
        {
            throw RequestValidationException.InConflict($"Dataset {datasetId} is importing; cancel the import first.");
        }
        var runs = await db.Runs.Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        if (runs.Count > 0 && !cascade)
        {
            throw RequestValidationException.InConflict(
                $"Dataset {datasetId} has runs {Ids(runs)}; delete them first or ask for cascade=true to delete them with it.");
        }
        foreach (var run in runs)
        {
            await DeleteRunCoreAsync(db, run, cascade: true, cancellationToken);
        }
        var embeddings = await db.Embeddings.Where(e => e.DatasetId == datasetId).Select(e => e.PointsPath).ToListAsync(cancellationToken);
        await db.Datasets.Where(d => d.Id == datasetId).ExecuteDeleteAsync(cancellationToken);
        DeleteFiles(embeddings);
        store.DeleteFolder($"datasets/{datasetId}");
        store.DeleteFolder($"cache/datasets/{datasetId}");
        await audit.RecordAsync(AuditActions.Delete, "dataset", Id(datasetId), cascade ? $"with runs {Ids(runs)}" : null, cancellationToken);
    }

    public async Task DeleteRunAsync(int runId, bool cascade, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Runs.VisibleTo(access).AnyAsync(r => r.Id == runId, cancellationToken))
        {
            throw RequestValidationException.NotFound($"Run {runId} does not exist.");
        }
        await DeleteRunCoreAsync(db, runId, cascade, cancellationToken);
        await audit.RecordAsync(AuditActions.Delete, "run", Id(runId), cascade ? "cascade" : null, cancellationToken);
    }

    public async Task DeleteAttributionRequestAsync(int requestId, bool cascade, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.AttributionRequests.VisibleTo(access).FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Attribution request {requestId} does not exist.");
        if (request.Status is AttributionRequestStatus.Queued or AttributionRequestStatus.Running)
        {
            throw RequestValidationException.InConflict($"Attribution request {requestId} is {WireNames.Of(request.Status)}; cancel it first.");
        }
        // Its maps, unless another request shows them too (maps are a run's cache, shared between requests).
        var others = await db.AttributionRequests.Where(r => r.Id != requestId && r.TeamId == request.TeamId).Select(r => r.MapIds).ToListAsync(cancellationToken);
        var shared = others.SelectMany(ids => ids).ToHashSet();
        var maps = request.MapIds.Where(id => !shared.Contains(id)).ToList();
        var studies = await StudiesUsingAsync(db, maps, cancellationToken);
        if (studies.Count > 0 && !cascade)
        {
            throw RequestValidationException.InConflict(
                $"Attribution request {requestId} has maps rated in studies {Ids(studies)}; ask for cascade=true to delete those studies with it.");
        }
        await db.Studies.Where(s => studies.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        var files = await db.StoredAttributions.Where(a => maps.Contains(a.Id)).Select(a => new { a.OverlayPath, a.ValuesPath }).ToListAsync(cancellationToken);
        await db.StoredAttributions.Where(a => maps.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.AttributionRequests.Where(r => r.Id == requestId).ExecuteDeleteAsync(cancellationToken);
        DeleteFiles(files.SelectMany(f => new[] { f.OverlayPath, f.ValuesPath }));
        await audit.RecordAsync(AuditActions.Delete, "attribution", Id(requestId), $"{maps.Count} maps", cancellationToken);
    }

    public async Task DeleteStudyAsync(int studyId, bool cascade, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Studies.VisibleTo(access).AnyAsync(s => s.Id == studyId, cancellationToken))
        {
            throw RequestValidationException.NotFound($"Study {studyId} does not exist.");
        }
        var ratings = await db.SaliencyRatings.CountAsync(r => r.Assignment!.StudyId == studyId, cancellationToken);
        if (ratings > 0 && !cascade)
        {
            throw RequestValidationException.InConflict($"Study {studyId} has {ratings} ratings; ask for cascade=true to delete them with it.");
        }
        await db.Studies.Where(s => s.Id == studyId).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.Delete, "study", Id(studyId), ratings > 0 ? $"{ratings} ratings" : null, cancellationToken);
    }

    private async Task DeleteRunCoreAsync(XaiLabDbContext db, int runId, bool cascade, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == runId, cancellationToken);
        if (run.Status is RunStatus.Queued or RunStatus.Running)
        {
            throw RequestValidationException.InConflict($"Run {runId} is {WireNames.Of(run.Status)}; cancel it first.");
        }
        var requests = (await db.AttributionRequests.Where(r => r.TeamId == run.TeamId).ToListAsync(cancellationToken))
            .Where(r => r.TrainingRunId == runId || r.RunIds.Contains(runId)).ToList();
        if (requests.Any(r => r.Status is AttributionRequestStatus.Queued or AttributionRequestStatus.Running))
        {
            throw RequestValidationException.InConflict($"Run {runId} is being explained (attribution request {requests.First(r => r.Status is AttributionRequestStatus.Queued or AttributionRequestStatus.Running).Id}); cancel it first.");
        }
        var maps = await db.StoredAttributions.Where(a => a.RunId == runId).Select(a => a.Id).ToListAsync(cancellationToken);
        var studies = await StudiesUsingAsync(db, maps, cancellationToken);
        // The run's own saliency step goes with it; requests a user made to explain it are theirs to keep or not.
        var shared = requests.Where(r => r.TrainingRunId != runId).Select(r => r.Id).ToList();
        if ((studies.Count > 0 || shared.Count > 0) && !cascade)
        {
            var parts = new List<string>();
            if (studies.Count > 0) parts.Add($"its maps are rated in studies {Ids(studies)}");
            if (shared.Count > 0) parts.Add($"attribution requests {Ids(shared)} explain it");
            throw RequestValidationException.InConflict($"Run {runId}: {string.Join("; ", parts)}. Ask for cascade=true to delete them with it.");
        }
        await db.Studies.Where(s => studies.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        var requestIds = requests.Select(r => r.Id).ToList();
        await db.AttributionRequests.Where(r => requestIds.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        var points = await db.Embeddings.Where(e => e.RunId == runId).Select(e => e.PointsPath).ToListAsync(cancellationToken);
        // Epochs, predictions, maps and embeddings go with the row (cascading foreign keys).
        await db.Runs.Where(r => r.Id == runId).ExecuteDeleteAsync(cancellationToken);
        await db.JobExecutions.Where(e => e.Kind == XaiLab.Data.Executions.JobKinds.Run && e.EntityId == runId).ExecuteDeleteAsync(cancellationToken);
        DeleteFiles(points);
        store.DeleteFolder($"runs/{runId}");
    }

    /// <summary>Studies with an item showing one of <paramref name="maps"/>.</summary>
    private static async Task<List<int>> StudiesUsingAsync(XaiLabDbContext db, List<int> maps, CancellationToken cancellationToken) =>
        maps.Count == 0
            ? []
            : await db.StudyItems.Where(i => maps.Contains(i.MapId) || (i.SecondMapId != null && maps.Contains(i.SecondMapId.Value)))
                .Select(i => i.StudyId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);

    private void DeleteFiles(IEnumerable<string?> paths)
    {
        foreach (var path in paths.OfType<string>())
        {
            var full = store.Resolve(path);
            if (File.Exists(full)) File.Delete(full);
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Ids(IEnumerable<int> ids) => string.Join(", ", ids.Select(Id));
}
