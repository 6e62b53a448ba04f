using System.Runtime.InteropServices;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Web.Services.Datasets;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Engine.Imaging;
using XaiLab.Web.Services.Attributions;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Services.Nodes;

namespace XaiLab.Web.Jobs.Attributions;

/// <summary>
/// Computes the maps of one <see cref="AttributionRequest"/>, run by run (one model in memory at a time), each map with
/// its scores right after it. A map whose cache key is stored already is reused; one being computed by another job is
/// waited for (<see cref="AttributionLocks"/>), so every map is computed once. Takes only the request id.
/// </summary>
public sealed class AttributionJob(
    IDbContextFactory<XaiLabDbContext> contexts,
    ArtifactStore store,
    SliceInputCache inputs,
    AttributionLocks locks,
    NodeOptions node,
    JobExecutions executions,
    TimeProvider time,
    ILogger<AttributionJob> logger)
{
    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(int requestId, CancellationToken cancellationToken) => ExecuteAsync(requestId, null, within: false, cancellationToken);

    /// <summary>
    /// Computes a request inside another job (the training's saliency step, <see cref="Training.SaliencyStage"/>): the
    /// share done goes to <paramref name="progress"/>, and a cancellation or failure is recorded on the request and then
    /// thrown to the caller, whose job owns the outcome.
    /// </summary>
    public Task ComputeWithinAsync(int requestId, IProgress<double> progress, CancellationToken cancellationToken) =>
        ExecuteAsync(requestId, progress, within: true, cancellationToken);

    private async Task ExecuteAsync(int requestId, IProgress<double>? progress, bool within, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.AttributionRequests.SingleAsync(r => r.Id == requestId, cancellationToken);
        if (request.Status is AttributionRequestStatus.Succeeded || request.Status is AttributionRequestStatus.Cancelled && !within)
        {
            return;
        }
        request.Status = AttributionRequestStatus.Running;
        request.Done = 0;
        request.Computed = 0;
        request.MapIds = [];
        request.Error = null;
        request.FinishedAt = null;
        request.ExecutedBy = node.Name;
        await db.SaveChangesAsync(cancellationToken);
        await using var execution = await executions.BeginAsync(JobKinds.Attribution, requestId, cancellationToken);
        try
        {
            await ComputeAllAsync(db, request, execution, progress, execution.Token);
            request.Status = AttributionRequestStatus.Succeeded;
        }
        catch (OperationCanceledException) when (within || !cancellationToken.IsCancellationRequested)
        {
            // The user's cancel (here or through the database); a host shutdown instead leaves a request of its own
            // running for Hangfire to start again. Within another job, that job decides (a resumed run recomputes it).
            logger.LogInformation("Attribution request {RequestId} cancelled after {Done} of {Total} maps", requestId, request.Done, request.Total);
            request.Status = AttributionRequestStatus.Cancelled;
            await FinishAsync(db, request);
            if (within) throw;
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Attribution request {RequestId} failed", requestId);
            request.Status = AttributionRequestStatus.Failed;
            request.Error = e.Message;
            await FinishAsync(db, request);
            if (within) throw;
            return;
        }
        await FinishAsync(db, request);
    }

    private async Task FinishAsync(XaiLabDbContext db, AttributionRequest request)
    {
        request.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task ComputeAllAsync(XaiLabDbContext db, AttributionRequest request, JobExecutionScope execution, IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        var slices = await db.Slices.AsNoTracking().Where(s => request.SliceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var runId in request.RunIds)
        {
            var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
                ?? throw new InvalidOperationException($"Run {runId} no longer exists.");
            using var explainer = new LazyExplainer(run, contexts, store, inputs);
            foreach (var sliceId in request.SliceIds)
            {
                foreach (var method in request.Methods)
                {
                    if (await IsCancelledAsync(request.Id))
                    {
                        throw new OperationCanceledException($"Attribution request {request.Id} was cancelled.");
                    }
                    var slice = slices.GetValueOrDefault(sliceId) ?? throw new InvalidOperationException($"Slice {sliceId} no longer exists.");
                    execution.Report($"explaining slice {sliceId} with {method} (run {runId}, map {request.Done + 1} of {request.Total})");
                    var (mapId, computed) = await FindOrComputeAsync(request, run, slice, method, explainer, cancellationToken);
                    request.MapIds = [.. request.MapIds, mapId];
                    request.Done++;
                    if (computed) request.Computed++;
                    await db.SaveChangesAsync(cancellationToken);
                    progress?.Report(request.Done / (double)Math.Max(1, request.Total));
                }
            }
        }
    }

    /// <summary>Whether the request was cancelled through the database (by this or another process).</summary>
    private async Task<bool> IsCancelledAsync(int requestId)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        return await db.AttributionRequests.AsNoTracking().Where(r => r.Id == requestId)
            .AnyAsync(r => r.Status == AttributionRequestStatus.Cancelled, CancellationToken.None);
    }

    private async Task<(int MapId, bool Computed)> FindOrComputeAsync(AttributionRequest request, TrainingRun run, Slice slice,
        string method, LazyExplainer explainer, CancellationToken cancellationToken)
    {
        var parameters = AttributionParameters.Describe(method, request.Steps, request.Seed, request.SmoothGradMagnitude);
        var key = AttributionParameters.CacheKey(run, method, slice.Id, slice.ContentHash, parameters);
        if (await FindAsync(key, cancellationToken) is { } stored)
        {
            return (stored, false);
        }
        using var held = await locks.AcquireAsync(key, cancellationToken);
        if (await FindAsync(key, cancellationToken) is { } storedMeanwhile)
        {
            return (storedMeanwhile, false);
        }

        var image = Png16Codec.Decode(await store.ReadAsync(slice.ImagePath, cancellationToken));
        var mask = slice.MaskPath is null ? null : Png16Codec.DecodeMask(await store.ReadAsync(slice.MaskPath, cancellationToken));
        var model = await explainer.GetAsync(cancellationToken);
        var result = model.Explain(method, AttributionParameters.Options(request), slice.Id, slice.Label, image, mask, cancellationToken);

        var hash = AttributionParameters.Hash(parameters);
        var folder = $"runs/{run.Id}/attributions/{slice.Id}";
        var overlayPath = $"{folder}/{method}-{hash[..16]}.png";
        var valuesPath = $"{folder}/{method}-{hash[..16]}.f32";
        await store.WriteAsync(overlayPath, result.OverlayPng, cancellationToken);
        await store.WriteAsync(valuesPath, MemoryMarshal.AsBytes(result.Map.Values.AsSpan()).ToArray(), cancellationToken);

        var scores = result.Scores;
        var row = new StoredAttribution
        {
            RunId = run.Id,
            SliceId = slice.Id,
            Method = method,
            ParametersHash = hash,
            Parameters = parameters,
            CacheKey = key,
            Target = result.Target,
            Channels = result.Map.Channels,
            Height = result.Map.Height,
            Width = result.Map.Width,
            OverlayPath = overlayPath,
            ValuesPath = valuesPath,
            DurationSeconds = result.DurationSeconds,
            ClipValue = SaliencyRenderer.ClipValue(result.Map),
            MaskFraction = scores.MaskFraction,
            PointingGame = scores.PointingGame,
            RelevanceMass = scores.RelevanceMass,
            RelevanceRank = scores.RelevanceRank,
            IouTop5 = scores.Iou?[0],
            IouTop10 = scores.Iou?[1],
            IouTop20 = scores.Iou?[2],
            IouTop30 = scores.Iou?[3],
            DiceTop5 = scores.Dice?[0],
            DiceTop10 = scores.Dice?[1],
            DiceTop20 = scores.Dice?[2],
            DiceTop30 = scores.Dice?[3],
            Auc = scores.Auc,
            DeletionAuc = scores.DeletionAuc,
            InsertionAuc = scores.InsertionAuc,
            CreatedAt = time.GetUtcNow(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.StoredAttributions.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (row.Id, true);
        }
        catch (DbUpdateException)
        {
            // Another process stored the same map first (the unique cache-key index); its files are identical.
            return (await FindAsync(key, CancellationToken.None) ?? throw new InvalidOperationException($"Map {key} could not be stored."), false);
        }
    }

    private async Task<int?> FindAsync(string cacheKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StoredAttributions.Where(a => a.CacheKey == cacheKey).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A run's model, loaded only when a map of it is actually computed (reused maps need none).</summary>
    private sealed class LazyExplainer(TrainingRun run, IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, SliceInputCache inputs) : IDisposable
    {
        private RunExplainer? explainer;

        public async Task<RunExplainer> GetAsync(CancellationToken cancellationToken) =>
            explainer ??= await RunExplainer.LoadAsync(run, contexts, store, inputs, cancellationToken);

        public void Dispose() => explainer?.Dispose();
    }
}
