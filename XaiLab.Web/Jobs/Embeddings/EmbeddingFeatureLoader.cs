using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Embeddings;
using XaiLab.Engine.Imaging;
using XaiLab.Engine.Training;
using XaiLab.Web.Jobs.Training;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Jobs.Embeddings;

/// <summary>
/// Features of an embedding's slices: normalised pixels downsampled to <see cref="PixelSize"/> for a dataset, or the
/// penultimate vector of the run's model (built from <c>torch.manual_seed(run.Seed)</c>, with the last checkpoint
/// loaded for trained weights). Normalisation statistics come from the training split only, as in training.
/// </summary>
public sealed class EmbeddingFeatureLoader(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, SliceInputCache cacheStore)
{
    /// <summary>Side of the raw-pixel features (32 x 32 = 1,024 features, the paper's Figure 6 scale).</summary>
    public const int PixelSize = 32;

    public async Task<EmbeddingFeatures> LoadAsync(Embedding embedding, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = embedding.RunId is { } runId ? await db.Runs.AsNoTracking().FirstAsync(r => r.Id == runId, cancellationToken) : null;
        var slices = await db.Slices.AsNoTracking()
            .Where(s => s.DatasetId == embedding.DatasetId)
            .OrderBy(s => s.Index)
            .Select(s => new { s.Id, s.Label, s.Split, s.ImagePath })
            .ToListAsync(cancellationToken);
        var train = slices.Where(s => s.Split == SplitPart.Train).ToList();
        var selected = embedding.Split == "all" ? slices : slices.Where(s => s.Split == SplitPart.Test).ToList();
        if (train.Count == 0 || selected.Count < 3)
        {
            throw new InvalidOperationException($"Dataset {embedding.DatasetId} has no training slices or fewer than 3 {embedding.Split} slices.");
        }

        var size = run?.ImageSize ?? PixelSize;
        using var cache = await cacheStore.OpenAsync(embedding.DatasetId, size, cancellationToken);
        var stats = run is null
            ? NormalizationStats.FromPlanes(train.Select(s => (ReadOnlyMemory<float>)cache.Plane(cache.RowOf(s.Id))))
            : await RunSplitsLoader.StatisticsAsync(run, cache, train.Select(s => s.Id), contexts, cancellationToken);
        var preprocessor = new SlicePreprocessor(new PreprocessingOptions(size, 1, stats));
        var inputs = selected.Select(s => preprocessor.Normalize(cache.Plane(cache.RowOf(s.Id)))).ToArray();
        var ids = selected.Select(s => s.Id).ToList();
        var labels = selected.Select(s => s.Label).ToArray();
        if (run is null)
        {
            return new EmbeddingFeatures(new FeatureMatrix(inputs.SelectMany(x => x).ToArray(), inputs.Length, size * size), ids, labels);
        }

        var classes = await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.ClassNames.Count).FirstAsync(cancellationToken);
        byte[]? state = null;
        if (embedding.Source == EmbeddingSource.Trained)
        {
            var checkpoint = run.CheckpointPath ?? throw new InvalidOperationException($"Run {run.Id} has no checkpoint.");
            state = TrainingCheckpoint.FromBytes(await store.ReadAsync(checkpoint, cancellationToken)).ModelState;
        }
        return new EmbeddingFeatures(Embed(run, classes, state, inputs, cancellationToken), ids, labels);
    }

    private static FeatureMatrix Embed(TrainingRun run, int classes, byte[]? state, float[][] inputs, CancellationToken cancellationToken)
    {
        using var network = state is null ? RunNetworks.CreateInitial(run, classes) : RunNetworks.CreateTrained(run, classes, state);
        return network.Embed(inputs, Math.Max(1, run.BatchSize), cancellationToken);
    }
}
