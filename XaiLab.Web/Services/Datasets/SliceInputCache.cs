using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Engine.Datasets.Caching;
using XaiLab.Engine.Imaging;

namespace XaiLab.Web.Services.Datasets;

/// <summary>
/// The pre-resized cache of a dataset at one input size, shared by training, attribution and embeddings: built once
/// (slices decoded and resized in parallel, written atomically next to the artifacts so worker nodes share it), keyed by
/// the dataset's version hash so a changed dataset never reads stale planes.
/// </summary>
public sealed class SliceInputCache(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, ILogger<SliceInputCache> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> builds = new();

    /// <summary>Opens (building it first when missing) the cache of <paramref name="datasetId"/> at <paramref name="size"/>.
    /// Rows follow the slices' import order.</summary>
    public async Task<ResizedSliceCache> OpenAsync(int datasetId, int size, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hash = await db.Datasets.Where(d => d.Id == datasetId).Select(d => d.VersionHash).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Dataset {datasetId} is not ready (no version hash).");
        var relative = $"cache/datasets/{datasetId}/resized-{size}-{hash[..Math.Min(16, hash.Length)]}.f32";
        var path = store.Resolve(relative);
        if (TryOpen(path) is { } existing)
        {
            return existing;
        }

        var gate = builds.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (TryOpen(path) is { } built)
            {
                return built;
            }
            var slices = await db.Slices.AsNoTracking().Where(s => s.DatasetId == datasetId).OrderBy(s => s.Index)
                .Select(s => new { s.Id, s.ImagePath }).ToListAsync(cancellationToken);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var planes = slices.AsParallel().AsOrdered().WithCancellation(cancellationToken)
                .Select(s => (s.Id, SlicePreprocessor.Resize(Png16Codec.Decode(store.Read(s.ImagePath)), size)));
            await Task.Run(() => ResizedSliceCache.Write(path, size, slices.Count, planes, cancellationToken), cancellationToken);
            logger.LogInformation("Built the {Size}px cache of dataset {DatasetId}: {Count} slices in {Seconds:F1} s",
                size, datasetId, slices.Count, clock.Elapsed.TotalSeconds);
            return ResizedSliceCache.Open(path);
        }
        finally
        {
            gate.Release();
        }
    }

    private ResizedSliceCache? TryOpen(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return ResizedSliceCache.Open(path);
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning(e, "Rebuilding unreadable cache {Path}", path);
            File.Delete(path);
            return null;
        }
    }
}
