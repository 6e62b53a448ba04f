using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Embeddings;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Services.Embeddings;

namespace XaiLab.Web.Jobs.Embeddings;

/// <summary>Computes one embedding: features, projection, quality metrics, and the packed points artifact.</summary>
public sealed class EmbeddingJob(
    IDbContextFactory<XaiLabDbContext> contexts,
    ArtifactStore store,
    EmbeddingFeatureLoader loader,
    JobExecutions executions,
    TimeProvider time)
{
    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int embeddingId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var embedding = await db.Embeddings.SingleAsync(e => e.Id == embeddingId, cancellationToken);
        if (embedding.Status == EmbeddingStatus.Succeeded)
        {
            return;
        }
        await using var execution = await executions.BeginAsync(JobKinds.Embedding, embeddingId, cancellationToken);
        cancellationToken = execution.Token;
        embedding.Status = EmbeddingStatus.Running;
        embedding.Progress = 0;
        await db.SaveChangesAsync(cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            execution.Report($"extracting {embedding.Source.ToString().ToLowerInvariant()} features");
            var features = await loader.LoadAsync(embedding, cancellationToken);
            execution.Report($"projecting with {embedding.Projection.ToString().ToLowerInvariant()}");
            var coordinates = Project(embedding, features.Features, cancellationToken);
            var path = $"embeddings/{embedding.Id}.bin";
            await store.WriteAsync(path, EmbeddingPointsCodec.Encode(features.SliceIds, coordinates), cancellationToken);
            if (features.Features.Rows >= 12)
            {
                var quality = EmbeddingMetrics.Evaluate(features.Features, coordinates, features.Labels, seed: embedding.Seed);
                embedding.Trustworthiness = quality.Trustworthiness;
                embedding.KnnAccuracy2d = quality.KnnAccuracy2d;
                embedding.KnnAccuracyFeatures = quality.KnnAccuracyFeatures;
                embedding.Silhouette = quality.Silhouette;
            }
            embedding.PointsPath = path;
            embedding.PointCount = features.Features.Rows;
            embedding.FeatureCount = features.Features.Columns;
            embedding.Status = EmbeddingStatus.Succeeded;
            embedding.Progress = 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            embedding.Status = EmbeddingStatus.Failed;
            embedding.Error = e.Message;
        }
        embedding.DurationSeconds = stopwatch.Elapsed.TotalSeconds;
        embedding.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static float[] Project(Embedding embedding, FeatureMatrix features, CancellationToken cancellationToken)
    {
        if (embedding.Projection == EmbeddingProjection.Pca)
        {
            var projection = Pca.Fit(features, 2, seed: embedding.Seed).Projection;
            // A single feature gives one component: lay the points on the x axis.
            return projection.Length == 2 * features.Rows
                ? projection
                : projection.SelectMany(x => new[] { x, 0f }).ToArray();
        }
        // Small test splits cannot carry the requested perplexity; t-SNE needs it below the point count.
        var perplexity = Math.Min(embedding.Perplexity, Math.Max(1, (features.Rows - 1) / 3.0));
        var options = new TsneOptions { Perplexity = perplexity, Iterations = embedding.Iterations, Seed = embedding.Seed };
        return Tsne.Embed(features, options, cancellationToken: cancellationToken).Coordinates;
    }
}
