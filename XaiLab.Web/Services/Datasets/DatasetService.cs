using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Jobs.Datasets;

namespace XaiLab.Web.Services.Datasets;

/// <summary>Creates and reads datasets; shared by the pages and the API.</summary>
public sealed class DatasetService(IDbContextFactory<XaiLabDbContext> contextFactory, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>Largest demo dataset one request may ask for.</summary>
    public const int MaxDemoSlices = 20_000;

    /// <summary>Registers a phantom demo dataset (status importing) and enqueues its generation.</summary>
    public async Task<int> CreateDemoAsync(CreateDemoDatasetRequest request, CancellationToken cancellationToken = default)
    {
        var slices = request.Slices ?? 240;
        var size = request.Size ?? 64;
        var seed = request.Seed ?? 1;
        if (slices is < 12 or > MaxDemoSlices) throw new RequestValidationException($"slices must be between 12 and {MaxDemoSlices}.");
        if (size is < 64 or > 512) throw new RequestValidationException("size must be between 64 and 512.");

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var dataset = new Dataset
        {
            TeamId = Team.DefaultTeamId,
            Name = string.IsNullOrWhiteSpace(request.Name) ? $"Phantoms {slices}x{size}px (seed {seed})" : request.Name.Trim(),
            Source = DatasetSource.Phantom,
            Status = DatasetStatus.Importing,
            SplitSeed = seed,
            CreatedAt = time.GetUtcNow(),
        };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(cancellationToken);
        dataset.ImportJobId = jobs.Enqueue<DemoDatasetJob>(job => job.RunAsync(dataset.Id, slices, size, seed, CancellationToken.None));
        await db.SaveChangesAsync(cancellationToken);
        return dataset.Id;
    }

    public async Task<DatasetResponse?> GetAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        if (dataset is null)
        {
            return null;
        }
        var slices = db.Slices.Where(s => s.DatasetId == datasetId);
        var counts = await CountsAsync(slices, cancellationToken);
        var duplicates = await slices.GroupBy(s => s.ContentHash).Where(g => g.Count() > 1).CountAsync(cancellationToken);
        return ToResponse(dataset, counts, duplicates);
    }

    public async Task<IReadOnlyList<DatasetResponse>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var datasets = await db.Datasets.AsNoTracking().OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);
        var counts = await db.Slices
            .GroupBy(s => new { s.DatasetId, s.Label, s.Split })
            .Select(g => new { g.Key.DatasetId, g.Key.Label, g.Key.Split, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var duplicates = await db.Slices
            .GroupBy(s => new { s.DatasetId, s.ContentHash })
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.DatasetId)
            .ToListAsync(cancellationToken);
        return datasets
            .Select(d => ToResponse(
                d,
                counts.Where(c => c.DatasetId == d.Id).Select(c => (c.Label, c.Split, c.Count)).ToList(),
                duplicates.Count(id => id == d.Id)))
            .ToList();
    }

    private static async Task<List<(int Label, SplitPart Split, int Count)>> CountsAsync(IQueryable<Slice> slices, CancellationToken cancellationToken) =>
        (await slices.GroupBy(s => new { s.Label, s.Split })
            .Select(g => new { g.Key.Label, g.Key.Split, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .Select(c => (c.Label, c.Split, c.Count))
        .ToList();

    private static DatasetResponse ToResponse(Dataset dataset, IReadOnlyList<(int Label, SplitPart Split, int Count)> counts, int duplicates) =>
        new(
            dataset.Id,
            dataset.Name,
            dataset.Source.ToString().ToLowerInvariant(),
            dataset.Status.ToString().ToLowerInvariant(),
            dataset.Error,
            dataset.SliceCount,
            dataset.PatientCount,
            dataset.ClassNames.Select((name, label) => new ClassCount(name, counts.Where(c => c.Label == label).Sum(c => c.Count))).ToList(),
            dataset.WithMasks,
            dataset.VersionHash,
            dataset.CreatedAt,
            dataset.Status == DatasetStatus.Ready ? 1 : dataset.ImportProgress,
            duplicates,
            DatasetApiNames.Name(dataset.SplitPreset),
            new SplitCountsResponse(
                counts.Where(c => c.Split == SplitPart.Train).Sum(c => c.Count),
                counts.Where(c => c.Split == SplitPart.Validation).Sum(c => c.Count),
                counts.Where(c => c.Split == SplitPart.Test).Sum(c => c.Count)));
}
