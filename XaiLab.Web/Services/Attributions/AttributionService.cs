using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Engine.Imaging;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Jobs.Attributions;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;

namespace XaiLab.Web.Services.Attributions;

/// <summary>
/// Accepts and reads attribution requests. The slices are one test slice per class among the slices in the test split of
/// every selected run (the lowest-index slice of each class), then the user's picks (of the runs' dataset, or of a dataset
/// every run has a succeeded external evaluation on); every map is computed at most once
/// (see <see cref="AttributionParameters.CacheKey"/>) by <see cref="AttributionJob"/>.
/// </summary>
public sealed class AttributionService(
    IDbContextFactory<XaiLabDbContext> contexts,
    IBackgroundJobClient jobs,
    ArtifactStore store,
    JobExecutions executions,
    TimeProvider time,
    TeamAccess access,
    IAuditLog audit)
{
    public const int MaxSteps = 1000;
    public const int MaxInternalBatchSize = 1024;

    public async Task<int> RequestAsync(CreateAttributionsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        access.RequireWriter();
        var runIds = (request.RunIds ?? []).Distinct().ToList();
        var methods = (request.Methods ?? []).Select(m => (m ?? string.Empty).Trim().ToLowerInvariant()).Distinct().ToList();
        if (runIds.Count == 0) throw new RequestValidationException("runIds must name at least one run.");
        ApiLimits.Count(runIds, "runIds", ApiLimits.MaxRunIds);
        ApiLimits.Count(request.SliceIds, "sliceIds", ApiLimits.MaxSliceIds);
        if (methods.Count == 0) throw new RequestValidationException("methods must name at least one attribution method.");
        foreach (var method in methods)
        {
            try
            {
                AttributionMethods.Create(method);
            }
            catch (ArgumentException e)
            {
                throw new RequestValidationException(e.Message);
            }
        }
        var parameters = request.Parameters ?? new AttributionParametersRequest(null, null, null, null);
        if (parameters.Steps is < 1 or > MaxSteps) throw new RequestValidationException($"steps must be between 1 and {MaxSteps}.");
        if (parameters.InternalBatchSize is < 1 or > MaxInternalBatchSize)
        {
            throw new RequestValidationException($"internalBatchSize must be between 1 and {MaxInternalBatchSize}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking().VisibleTo(access).Where(r => runIds.Contains(r.Id)).ToListAsync(cancellationToken);
        var missing = runIds.Except(runs.Select(r => r.Id)).ToList();
        if (missing.Count > 0) throw RequestValidationException.NotFound($"Run {missing[0]} does not exist.");
        if (runs.Select(r => r.TeamId).Distinct().Count() > 1)
        {
            throw new RequestValidationException("The runs belong to different teams; explain each team's runs in its own request.");
        }
        var team = TeamAccess.SameTeam(request.TeamId, runs[0].TeamId, $"run {runs[0].Id}");
        var unfinished = runs.FirstOrDefault(r => r.Status != RunStatus.Succeeded);
        if (unfinished is not null)
        {
            throw new RequestValidationException(
                $"Run {unfinished.Id} is {unfinished.Status.ToString().ToLowerInvariant()}; only succeeded runs can be explained.", conflict: true);
        }
        var weightless = runs.FirstOrDefault(r => r.CheckpointPath is null);
        if (weightless is not null)
        {
            throw new RequestValidationException($"Run {weightless.Id} has no stored weights to explain.", conflict: true);
        }

        var sliceIds = await ResolveSlicesAsync(db, runs, request.SliceIds ?? [], cancellationToken);
        var row = new AttributionRequest
        {
            TeamId = team,
            RunIds = runIds,
            Methods = methods,
            SliceIds = sliceIds,
            Steps = parameters.Steps,
            InternalBatchSize = parameters.InternalBatchSize,
            Seed = parameters.Seed ?? 1,
            SmoothGradMagnitude = parameters.Magnitude ?? true,
            Status = AttributionRequestStatus.Queued,
            Total = runIds.Count * methods.Count * sliceIds.Count,
            CreatedAt = time.GetUtcNow(),
        };
        db.AttributionRequests.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<AttributionJob>(job => job.RunAsync(row.Id, CancellationToken.None));
        await audit.RecordAsync(AuditActions.AttributionRequest, "attribution", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{string.Join(",", methods)} on runs {string.Join(",", runIds)}", cancellationToken);
        return row.Id;
    }

    public async Task<AttributionRequestResponse?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.AttributionRequests.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null) return null;
        var mapIds = request.MapIds;
        var stored = await db.StoredAttributions.AsNoTracking().Where(a => mapIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var maps = mapIds.Where(stored.ContainsKey).Select(i => ToMapResponse(stored[i])).ToList();
        var progress = request.Status == AttributionRequestStatus.Succeeded ? 1.0
            : request.Total == 0 ? 0.0 : (double)request.Done / request.Total;
        return new AttributionRequestResponse(request.Id, request.Status, progress, request.Total,
            request.Done, request.Computed, request.RunIds, request.Methods, request.SliceIds, maps, request.Error,
            request.CreatedAt, request.FinishedAt, request.ExecutedBy);
    }

    /// <summary>
    /// Cancels a queued or running request: it stops before its next map (at once, mid-map, when it executes in this
    /// process); the maps stored so far stay cached.
    /// </summary>
    /// <exception cref="RequestValidationException">Not found (404) when the caller sees no such request; conflict (409)
    /// when it has finished.</exception>
    public async Task CancelAsync(int id, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.AttributionRequests.VisibleTo(access).AnyAsync(r => r.Id == id, cancellationToken))
        {
            throw RequestValidationException.NotFound($"Attribution request {id} does not exist.");
        }
        var changed = await db.AttributionRequests
            .Where(r => r.Id == id && (r.Status == AttributionRequestStatus.Queued || r.Status == AttributionRequestStatus.Running))
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, AttributionRequestStatus.Cancelled)
                .SetProperty(r => r.FinishedAt, time.GetUtcNow()), cancellationToken);
        if (changed == 0)
        {
            throw RequestValidationException.InConflict("Only queued or running attribution requests can be cancelled.");
        }
        // Executing here: stop mid-map. Elsewhere (queued, or another process) the job sees the status before its next map.
        await executions.RequestCancelAsync(JobKinds.Attribution, id, cancellationToken);
        await audit.RecordAsync(AuditActions.AttributionCancel, "attribution", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, cancellationToken);
    }

    /// <summary>A run's stored map; the newest when <paramref name="parametersHash"/> is null.</summary>
    public async Task<StoredAttribution?> FindMapAsync(int runId, string method, int sliceId, string? parametersHash,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = method.Trim().ToLowerInvariant();
        var query = db.StoredAttributions.AsNoTracking().VisibleTo(access)
            .Where(a => a.RunId == runId && a.Method == name && a.SliceId == sliceId);
        if (!string.IsNullOrWhiteSpace(parametersHash))
        {
            var hash = parametersHash.Trim().ToLowerInvariant();
            query = query.Where(a => a.ParametersHash == hash);
        }
        return await query.OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The request's grid: rows = slices x runs (slice-major), one overlay URL per method reached so far.</summary>
    public async Task<IReadOnlyList<AttributionGridRow>> GridAsync(AttributionRequestResponse request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runIds = request.RunIds.ToList();
        var sliceIds = request.SliceIds.ToList();
        var runs = await db.Runs.AsNoTracking().Where(r => runIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Dataset!.ClassNames }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var labels = await db.Slices.AsNoTracking().Where(s => sliceIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Label, cancellationToken);
        var predictions = await db.Predictions.AsNoTracking().Where(p => runIds.Contains(p.RunId) && sliceIds.Contains(p.SliceId))
            .ToListAsync(cancellationToken);
        // Slices of an evaluation dataset: its class mapped into the run's, and the run's prediction there.
        var external = await db.EvaluationPredictions.AsNoTracking()
            .Where(p => runIds.Contains(p.Evaluation!.RunId) && p.Evaluation.Status == RunEvaluationStatus.Succeeded && sliceIds.Contains(p.SliceId))
            .OrderByDescending(p => p.EvaluationId)
            .Select(p => new { p.Evaluation!.RunId, p.SliceId, p.Label, p.Predicted, p.Probabilities })
            .ToListAsync(cancellationToken);
        foreach (var p in external.Where(p => !predictions.Any(own => own.RunId == p.RunId && own.SliceId == p.SliceId)))
        {
            predictions.Add(new Prediction { RunId = p.RunId, SliceId = p.SliceId, Label = p.Label, Predicted = p.Predicted, Probabilities = p.Probabilities });
        }
        var rows = new List<AttributionGridRow>();
        foreach (var sliceId in sliceIds.Where(labels.ContainsKey))
        {
            foreach (var runId in runIds.Where(runs.ContainsKey))
            {
                var names = runs[runId].ClassNames;
                var prediction = predictions.FirstOrDefault(p => p.RunId == runId && p.SliceId == sliceId);
                var maps = request.Maps.Where(m => m.RunId == runId && m.SliceId == sliceId)
                    .GroupBy(m => m.Method).ToDictionary(g => g.Key, g => g.First());
                rows.Add(new AttributionGridRow(runId, sliceId, ClassName(names, prediction?.Label ?? labels[sliceId]),
                    prediction is null ? null : ClassName(names, prediction.Predicted),
                    prediction is null || prediction.Predicted >= prediction.Probabilities.Length ? null : prediction.Probabilities[prediction.Predicted],
                    maps));
            }
        }
        return rows;
    }

    private static string ClassName(List<string> names, int label) =>
        label >= 0 && label < names.Count ? names[label] : label.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The stored map drawn again over its slice with other display options (colormap, opacity, shared scale).</summary>
    public async Task<byte[]> RenderOverlayAsync(StoredAttribution map, SaliencyRenderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slice = await db.Slices.AsNoTracking().SingleAsync(s => s.Id == map.SliceId, cancellationToken);
        var image = Png16Codec.Decode(await store.ReadAsync(slice.ImagePath, cancellationToken));
        var mask = slice.MaskPath is null ? null : Png16Codec.DecodeMask(await store.ReadAsync(slice.MaskPath, cancellationToken));
        var bytes = await store.ReadAsync(map.ValuesPath, cancellationToken);
        var values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(float));
        return SaliencyRenderer.RenderOverlayPng(image, new AttributionMap(values, map.Channels, map.Height, map.Width), mask, options);
    }

    private static AttributionMapResponse ToMapResponse(StoredAttribution a)
    {
        var path = $"/api/runs/{a.RunId}/attributions/{a.Method}/{a.SliceId}";
        return new AttributionMapResponse(a.RunId, a.Method, a.SliceId, a.Target, a.Parameters, a.ClipValue,
            $"{path}?format=png&parameters={a.ParametersHash}", $"{path}?format=raw&parameters={a.ParametersHash}");
    }

    private static async Task<List<int>> ResolveSlicesAsync(XaiLabDbContext db, List<TrainingRun> runs, IReadOnlyList<int> picks,
        CancellationToken cancellationToken)
    {
        var datasetIds = runs.Select(r => r.DatasetId).Distinct().ToList();
        // The test split of every selected run: slices are shared only within one dataset.
        var shared = datasetIds.Count == 1
            ? await db.Slices.AsNoTracking()
                .Where(s => s.DatasetId == datasetIds[0] && s.Split == SplitPart.Test)
                .OrderBy(s => s.Index)
                .Select(s => new { s.Id, s.Label })
                .ToListAsync(cancellationToken)
            : [];
        var defaults = shared.GroupBy(s => s.Label).OrderBy(g => g.Key).Select(g => g.First().Id).ToList();

        var pickIds = picks.Distinct().ToList();
        if (pickIds.Count > 0)
        {
            var known = await db.Slices.AsNoTracking().Where(s => pickIds.Contains(s.Id))
                .Select(s => new { s.Id, s.DatasetId }).ToListAsync(cancellationToken);
            // Besides the runs' own dataset: a dataset every selected run has a succeeded external evaluation on (its
            // slices are explained for the class the run predicted there).
            var runIds = runs.Select(r => r.Id).ToList();
            var evaluated = (await db.RunEvaluations.AsNoTracking()
                    .Where(e => runIds.Contains(e.RunId) && e.Status == RunEvaluationStatus.Succeeded)
                    .Select(e => new { e.RunId, e.DatasetId }).Distinct().ToListAsync(cancellationToken))
                .GroupBy(e => e.DatasetId).Where(g => g.Count() == runIds.Count).Select(g => g.Key).ToHashSet();
            foreach (var id in pickIds)
            {
                var slice = known.FirstOrDefault(s => s.Id == id);
                var own = slice is not null && datasetIds.Count == 1 && slice.DatasetId == datasetIds[0];
                if (slice is null || !(own || evaluated.Contains(slice.DatasetId)))
                {
                    throw new RequestValidationException(
                        $"Slice {id} is neither in the dataset of every selected run nor in a dataset every selected run was evaluated on.");
                }
            }
        }
        var slices = defaults.Concat(pickIds).Distinct().ToList();
        if (slices.Count == 0)
        {
            throw new RequestValidationException("The selected runs share no test slice; pick slices with sliceIds.");
        }
        return slices;
    }
}
