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
/// would be lost with it (a dataset's runs and other runs' evaluations on it, a run's or a request's maps rated in a study, the attribution requests a
/// user made of a run, a study's ratings) refuses the delete with 409 naming the dependants, unless <c>cascade</c> is asked
/// for; then the dependants go first. Work in progress is cancelled first and waited for (<see cref="WorkStopper"/>), so
/// no job writes after its subject is gone; a refused delete cancels nothing. Researchers and Admins only, within their
/// teams; audited.
/// Files: a dataset's slices (<c>datasets/{id}/</c>) and resized caches (<c>cache/datasets/{id}/</c>); everything of a
/// run (<c>runs/{id}/</c>: checkpoints, maps, sanity check, exports) and its embeddings' points.
/// </summary>
public sealed class DeletionService(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, WorkStopper stopper, TeamAccess access, IAuditLog audit)
{
    /// <summary>The runs that would go with the dataset (for the confirmation); empty for another team's dataset.</summary>
    public async Task<IReadOnlyList<int>> RunsOfDatasetAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.VisibleTo(access).Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Other runs' evaluations on the dataset that would go with it (for the confirmation); empty for another team's dataset.</summary>
    public async Task<IReadOnlyList<int>> EvaluationsOnDatasetAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.VisibleTo(access).AnyAsync(d => d.Id == datasetId, cancellationToken)
            ? await ExternalEvaluationsOnAsync(db, datasetId, cancellationToken)
            : [];
    }

    /// <summary>
    /// What would go with the attribution request (for the confirmation): its maps no other request shows and the
    /// studies rating one of them; null for a request the caller cannot see.
    /// </summary>
    public async Task<(int Maps, IReadOnlyList<int> Studies)?> DependantsOfRequestAsync(int requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.AttributionRequests.VisibleTo(access).AnyAsync(r => r.Id == requestId, cancellationToken))
        {
            return null;
        }
        var (maps, studies) = await RequestMapsAsync(db, requestId, cancellationToken);
        return (maps.Count, studies);
    }

    public async Task DeleteDatasetAsync(int datasetId, bool cascade, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.VisibleTo(access).FirstOrDefaultAsync(d => d.Id == datasetId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Dataset {datasetId} does not exist.");
        var runs = await db.Runs.Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        var evaluations = await ExternalEvaluationsOnAsync(db, datasetId, cancellationToken);
        if ((runs.Count > 0 || evaluations.Count > 0) && !cascade)
        {
            var parts = new List<string>();
            if (runs.Count > 0) parts.Add($"runs {Ids(runs)}");
            if (evaluations.Count > 0) parts.Add($"evaluations {Ids(evaluations)} of other runs on it");
            throw RequestValidationException.InConflict(
                $"Dataset {datasetId} has {string.Join(" and ", parts)}; delete them first or ask for cascade=true to delete them with it.");
        }
        await stopper.StopImportAsync(datasetId, cancellationToken);
        foreach (var run in runs)
        {
            await DeleteRunCoreAsync(db, run, cascade: true, cancellationToken);
        }
        // Evaluations of other runs on this dataset, with their predictions (cascading foreign keys).
        evaluations = await ExternalEvaluationsOnAsync(db, datasetId, cancellationToken);
        await db.RunEvaluations.Where(e => e.DatasetId == datasetId).ExecuteDeleteAsync(cancellationToken);
        await db.JobExecutions.Where(e => e.Kind == XaiLab.Data.Executions.JobKinds.Evaluation && evaluations.Contains(e.EntityId))
            .ExecuteDeleteAsync(cancellationToken);
        var embeddings = await db.Embeddings.Where(e => e.DatasetId == datasetId).Select(e => e.PointsPath).ToListAsync(cancellationToken);
        await db.Datasets.Where(d => d.Id == datasetId).ExecuteDeleteAsync(cancellationToken);
        DeleteFiles(embeddings);
        store.DeleteFolder($"datasets/{datasetId}");
        store.DeleteFolder($"cache/datasets/{datasetId}");
        var with = new List<string>();
        if (runs.Count > 0) with.Add($"runs {Ids(runs)}");
        if (evaluations.Count > 0) with.Add($"evaluations {Ids(evaluations)}");
        await audit.RecordAsync(AuditActions.Delete, "dataset", Id(datasetId), with.Count > 0 ? $"with {string.Join(" and ", with)}" : null, cancellationToken);
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
        if (!await db.AttributionRequests.VisibleTo(access).AnyAsync(r => r.Id == requestId, cancellationToken))
        {
            throw RequestValidationException.NotFound($"Attribution request {requestId} does not exist.");
        }
        var (maps, studies) = await RequestMapsAsync(db, requestId, cancellationToken);
        if (studies.Count > 0 && !cascade)
        {
            throw RequestValidationException.InConflict(
                $"Attribution request {requestId} has maps rated in studies {Ids(studies)}; ask for cascade=true to delete those studies with it.");
        }
        await stopper.StopRequestAsync(requestId, cancellationToken);
        // The maps it stored while it stopped go with it too.
        (maps, studies) = await RequestMapsAsync(db, requestId, cancellationToken);
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
        var requests = await RequestsExplainingAsync(db, run, cancellationToken);
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
        await stopper.StopRunAsync(runId, cancellationToken);
        foreach (var request in requests)
        {
            await stopper.StopRequestAsync(request.Id, cancellationToken);
        }
        // What the stopped jobs stored meanwhile goes with the run too.
        requests = await RequestsExplainingAsync(db, run, cancellationToken);
        maps = await db.StoredAttributions.Where(a => a.RunId == runId).Select(a => a.Id).ToListAsync(cancellationToken);
        studies = await StudiesUsingAsync(db, maps, cancellationToken);
        await db.Studies.Where(s => studies.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        var requestIds = requests.Select(r => r.Id).ToList();
        await db.AttributionRequests.Where(r => requestIds.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        var points = await db.Embeddings.Where(e => e.RunId == runId).Select(e => e.PointsPath).ToListAsync(cancellationToken);
        var evaluations = await db.RunEvaluations.Where(e => e.RunId == runId).Select(e => e.Id).ToListAsync(cancellationToken);
        // Epochs, predictions, maps, embeddings and external evaluations go with the row (cascading foreign keys).
        await db.Runs.Where(r => r.Id == runId).ExecuteDeleteAsync(cancellationToken);
        await db.JobExecutions.Where(e => e.Kind == XaiLab.Data.Executions.JobKinds.Run && e.EntityId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.JobExecutions.Where(e => e.Kind == XaiLab.Data.Executions.JobKinds.Evaluation && evaluations.Contains(e.EntityId))
            .ExecuteDeleteAsync(cancellationToken);
        DeleteFiles(points);
        store.DeleteFolder($"runs/{runId}");
    }

    /// <summary>Evaluations on <paramref name="datasetId"/> of runs trained on another dataset (those of its own runs go with
    /// them).</summary>
    private static async Task<List<int>> ExternalEvaluationsOnAsync(XaiLabDbContext db, int datasetId, CancellationToken cancellationToken) =>
        await db.RunEvaluations.Where(e => e.DatasetId == datasetId && e.Run!.DatasetId != datasetId)
            .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);

    /// <summary>The attribution requests that explain <paramref name="run"/>: its own saliency step and those that compare it.</summary>
    private static async Task<List<AttributionRequest>> RequestsExplainingAsync(XaiLabDbContext db, TrainingRun run, CancellationToken cancellationToken) =>
        (await db.AttributionRequests.AsNoTracking().Where(r => r.TeamId == run.TeamId).ToListAsync(cancellationToken))
            .Where(r => r.TrainingRunId == run.Id || r.RunIds.Contains(run.Id)).ToList();

    /// <summary>
    /// A request's maps that go with it (maps are a run's cache shared between requests: those another request of the
    /// team shows stay) and the studies rating one of them.
    /// </summary>
    private static async Task<(List<int> Maps, List<int> Studies)> RequestMapsAsync(XaiLabDbContext db, int requestId, CancellationToken cancellationToken)
    {
        var request = await db.AttributionRequests.AsNoTracking().FirstAsync(r => r.Id == requestId, cancellationToken);
        var others = await db.AttributionRequests.Where(r => r.Id != requestId && r.TeamId == request.TeamId).Select(r => r.MapIds).ToListAsync(cancellationToken);
        var shared = others.SelectMany(ids => ids).ToHashSet();
        var maps = request.MapIds.Where(id => !shared.Contains(id)).ToList();
        return (maps, await StudiesUsingAsync(db, maps, cancellationToken));
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
