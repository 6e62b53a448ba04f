using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Jobs.Embeddings;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Web.Services.Embeddings;

/// <summary>
/// Requests and reads embeddings. A request whose inputs (dataset version, run and its weights, source, split, projection
/// and parameters) match an earlier one returns that embedding instead of computing it again; a failed one is retried.
/// </summary>
public sealed class EmbeddingService(
    IDbContextFactory<XaiLabDbContext> contextFactory,
    IBackgroundJobClient jobs,
    ArtifactStore store,
    TimeProvider time,
    TeamAccess access,
    IAuditLog audit)
{
    public const double DefaultPerplexity = 30;
    public const int DefaultIterations = 1000;

    public async Task<int> RequestForRunAsync(int runId, CreateEmbeddingRequest request, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Run {runId} does not exist.");
        var source = (request.Source ?? "trained").Trim().ToLowerInvariant() switch
        {
            "trained" => EmbeddingSource.Trained,
            "initial" => EmbeddingSource.Initial,
            var other => throw new RequestValidationException($"Unknown source '{other}'. Valid: trained, initial."),
        };
        if (source == EmbeddingSource.Trained && (run.CheckpointPath is null || run.CompletedEpochs == 0))
        {
            throw new RequestValidationException($"Run {runId} has no trained weights yet.", conflict: true);
        }
        var weights = source == EmbeddingSource.Trained
            ? $"checkpoint:{run.CheckpointPath}:{run.CompletedEpochs}"
            : $"initial:{run.Architecture}:{run.ImageSize}:{run.Seed}";
        return await RequestAsync(db, run.DatasetId, run.Id, source, weights, request, cancellationToken);
    }

    public async Task<int> RequestForDatasetAsync(int datasetId, CreateEmbeddingRequest request, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await RequestAsync(db, datasetId, null, EmbeddingSource.Pixels, "pixels", request, cancellationToken);
    }

    public async Task<IReadOnlyList<EmbeddingResponse>> ListForRunAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return [];
        }
        // A run's page also shows the raw-pixel embeddings of its dataset (the paper's side-by-side figures).
        var rows = await db.Embeddings.AsNoTracking()
            .Where(e => e.RunId == runId || (e.RunId == null && e.DatasetId == run.DatasetId))
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(e => ToResponse(e, [])).ToList();
    }

    /// <summary>The other succeeded runs on the same dataset as <paramref name="runId"/> (id and a short label), newest first.</summary>
    public async Task<IReadOnlyList<(int Id, string Label)>> PeerRunsAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var datasetId = await db.Runs.Where(r => r.Id == runId).Select(r => (int?)r.DatasetId).FirstOrDefaultAsync(cancellationToken);
        if (datasetId is null)
        {
            return [];
        }
        var peers = await db.Runs.AsNoTracking()
            .Where(r => r.DatasetId == datasetId && r.Id != runId && r.Status == RunStatus.Succeeded)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Architecture, r.Seed })
            .ToListAsync(cancellationToken);
        return peers.Select(r => (r.Id, $"run {r.Id} · {r.Architecture} · seed {r.Seed}")).ToList();
    }

    /// <summary>The dataset a run trained on.</summary>
    public async Task<int> DatasetOfRunAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.VisibleTo(access).Where(r => r.Id == runId).Select(r => (int?)r.DatasetId).FirstOrDefaultAsync(cancellationToken)
            ?? throw RequestValidationException.NotFound($"Run {runId} does not exist.");
    }

    public async Task<IReadOnlyList<EmbeddingResponse>> ListForDatasetAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Embeddings.AsNoTracking().VisibleTo(access).Where(e => e.DatasetId == datasetId && e.RunId == null)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return rows.Select(e => ToResponse(e, [])).ToList();
    }

    public async Task<EmbeddingResponse?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var embedding = await db.Embeddings.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (embedding is null)
        {
            return null;
        }
        if (embedding.Status != EmbeddingStatus.Succeeded || embedding.PointsPath is null)
        {
            return ToResponse(embedding, []);
        }
        var stored = EmbeddingPointsCodec.Decode(await store.ReadAsync(embedding.PointsPath, cancellationToken));
        var classNames = await db.Datasets.Where(d => d.Id == embedding.DatasetId).Select(d => d.ClassNames).FirstAsync(cancellationToken);
        var slices = await db.Slices.AsNoTracking().Where(s => s.DatasetId == embedding.DatasetId)
            .Select(s => new { s.Id, s.Label, s.Split }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var predictions = embedding.RunId is { } runId
            ? await db.Predictions.AsNoTracking().Where(p => p.RunId == runId).ToDictionaryAsync(p => p.SliceId, p => p.Predicted, cancellationToken)
            : [];
        var points = stored.Where(p => slices.ContainsKey(p.SliceId)).Select(p =>
        {
            var slice = slices[p.SliceId];
            var predicted = predictions.TryGetValue(p.SliceId, out var label) ? ClassName(classNames, label) : null;
            return new EmbeddingPointResponse(p.SliceId, p.X, p.Y, ClassName(classNames, slice.Label),
                slice.Split, predicted);
        }).ToList();
        return ToResponse(embedding, points);
    }

    private async Task<int> RequestAsync(XaiLabDbContext db, int datasetId, int? runId, EmbeddingSource source, string weights,
        CreateEmbeddingRequest request, CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(d => d.Id == datasetId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Dataset {datasetId} does not exist.");
        TeamAccess.SameTeam(request.TeamId, dataset.TeamId, $"dataset {datasetId}");
        if (dataset.Status != DatasetStatus.Ready)
        {
            throw new RequestValidationException($"Dataset {datasetId} is {dataset.Status.ToString().ToLowerInvariant()}, not ready.", conflict: true);
        }
        var projection = (request.Projection ?? "tsne").Trim().ToLowerInvariant() switch
        {
            "tsne" => EmbeddingProjection.Tsne,
            "pca" => EmbeddingProjection.Pca,
            var other => throw new RequestValidationException($"Unknown projection '{other}'. Valid: tsne, pca."),
        };
        var split = (request.Split ?? "test").Trim().ToLowerInvariant();
        if (split is not ("test" or "all"))
        {
            throw new RequestValidationException($"Unknown split '{split}'. Valid: test, all.");
        }
        var perplexity = request.Perplexity ?? DefaultPerplexity;
        var iterations = request.Iterations ?? DefaultIterations;
        var seed = request.Seed ?? 0;
        if (!(perplexity is >= 1 and <= 200)) throw new RequestValidationException("perplexity must be between 1 and 200.");
        if (iterations is < 250 or > 10000) throw new RequestValidationException("iterations must be between 250 and 10000.");
        if (projection == EmbeddingProjection.Pca)
        {
            // PCA ignores the t-SNE parameters; normalising them lets every PCA request of the same inputs share one result.
            perplexity = 0;
            iterations = 0;
        }

        var key = CacheKey(dataset, runId, weights, source, split, projection, perplexity, iterations, seed);
        var existing = await db.Embeddings.FirstOrDefaultAsync(e => e.CacheKey == key, cancellationToken);
        if (existing is not null)
        {
            if (existing.Status == EmbeddingStatus.Failed)
            {
                existing.Status = EmbeddingStatus.Queued;
                existing.Error = null;
                existing.Progress = 0;
                await db.SaveChangesAsync(cancellationToken);
                jobs.Enqueue<EmbeddingJob>(job => job.RunAsync(existing.Id, CancellationToken.None));
                await audit.RecordAsync(AuditActions.EmbeddingRequest, "embedding", existing.Id.ToString(CultureInfo.InvariantCulture), "retry", cancellationToken);
            }
            return existing.Id;
        }
        var embedding = new Embedding
        {
            DatasetId = datasetId,
            RunId = runId,
            Source = source,
            Projection = projection,
            Split = split,
            Perplexity = perplexity,
            Iterations = iterations,
            Seed = seed,
            CacheKey = key,
            Status = EmbeddingStatus.Queued,
            CreatedAt = time.GetUtcNow(),
        };
        db.Embeddings.Add(embedding);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<EmbeddingJob>(job => job.RunAsync(embedding.Id, CancellationToken.None));
        await audit.RecordAsync(AuditActions.EmbeddingRequest, "embedding", embedding.Id.ToString(CultureInfo.InvariantCulture),
            $"{source} {projection} of dataset {datasetId}", cancellationToken);
        return embedding.Id;
    }

    private static string CacheKey(Dataset dataset, int? runId, string weights, EmbeddingSource source, string split,
        EmbeddingProjection projection, double perplexity, int iterations, int seed)
    {
        var text = string.Join('|',
            $"dataset:{dataset.Id}:{dataset.VersionHash}",
            $"run:{runId?.ToString(CultureInfo.InvariantCulture) ?? "-"}",
            $"weights:{weights}",
            $"source:{source}",
            $"split:{split}",
            $"projection:{projection}",
            $"perplexity:{perplexity.ToString("R", CultureInfo.InvariantCulture)}",
            $"iterations:{iterations.ToString(CultureInfo.InvariantCulture)}",
            $"seed:{seed.ToString(CultureInfo.InvariantCulture)}",
            $"pixels:{EmbeddingFeatureLoader.PixelSize}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string ClassName(List<string> names, int label) =>
        label >= 0 && label < names.Count ? names[label] : label.ToString(CultureInfo.InvariantCulture);

    private static EmbeddingResponse ToResponse(Embedding e, IReadOnlyList<EmbeddingPointResponse> points) => new(
        e.Id, e.DatasetId, e.RunId, e.Status, e.Progress,
        e.Source, e.Projection, e.Split,
        e.Perplexity, e.Iterations, e.Seed, e.PointCount, e.FeatureCount, e.DurationSeconds, e.Error,
        new EmbeddingQualityResponse(e.Trustworthiness, e.KnnAccuracy2d, e.KnnAccuracyFeatures, e.Silhouette),
        points, e.CreatedAt);
}
