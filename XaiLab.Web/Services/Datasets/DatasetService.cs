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
        jobs.Enqueue<DemoDatasetJob>(job => job.RunAsync(dataset.Id, slices, size, seed, CancellationToken.None));
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
        var counts = await db.Slices.Where(s => s.DatasetId == datasetId)
            .GroupBy(s => s.Label)
            .Select(g => new { Label = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Label, g => g.Count, cancellationToken);
        return ToResponse(dataset, counts);
    }

    public async Task<IReadOnlyList<DatasetResponse>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var datasets = await db.Datasets.AsNoTracking().OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);
        var counts = await db.Slices
            .GroupBy(s => new { s.DatasetId, s.Label })
            .Select(g => new { g.Key.DatasetId, g.Key.Label, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return datasets
            .Select(d => ToResponse(d, counts.Where(c => c.DatasetId == d.Id).ToDictionary(c => c.Label, c => c.Count)))
            .ToList();
    }

    private static DatasetResponse ToResponse(Dataset dataset, IReadOnlyDictionary<int, int> countsByLabel) =>
        new(
            dataset.Id,
            dataset.Name,
            dataset.Source.ToString().ToLowerInvariant(),
            dataset.Status.ToString().ToLowerInvariant(),
            dataset.Error,
            dataset.SliceCount,
            dataset.PatientCount,
            dataset.ClassNames.Select((name, label) => new ClassCount(name, countsByLabel.GetValueOrDefault(label))).ToList(),
            dataset.WithMasks,
            dataset.VersionHash,
            dataset.CreatedAt);
}
