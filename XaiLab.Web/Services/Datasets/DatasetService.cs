using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Jobs.Datasets;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Web.Services.Datasets;

/// <summary>Creates and reads datasets of the caller's teams; shared by the pages and the API.</summary>
public sealed class DatasetService(
    IDbContextFactory<XaiLabDbContext> contextFactory,
    IBackgroundJobClient jobs,
    TimeProvider time,
    TeamAccess access,
    IAuditLog audit)
{
    /// <summary>Largest demo dataset one request may ask for.</summary>
    public const int MaxDemoSlices = 20_000;

    /// <summary>Registers a phantom demo dataset (status importing) in the caller's team and enqueues its generation.</summary>
    public async Task<int> CreateDemoAsync(CreateDemoDatasetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var team = access.OwningTeam(request.TeamId);
        var id = await CreateDemoInTeamAsync(request, team, cancellationToken);
        await audit.RecordAsync(AuditActions.DatasetDemo, "dataset", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, cancellationToken);
        return id;
    }

    /// <summary>The demo dataset of the start-up seeding: no caller, so no access check; <paramref name="teamId"/> owns it.</summary>
    public async Task<int> CreateDemoInTeamAsync(CreateDemoDatasetRequest request, int teamId, CancellationToken cancellationToken = default)
    {
        var slices = request.Slices ?? 240;
        var size = request.Size ?? 64;
        var seed = request.Seed ?? 1;
        if (slices is < 12 or > MaxDemoSlices) throw new RequestValidationException($"slices must be between 12 and {MaxDemoSlices}.");
        if (size is < 64 or > 512) throw new RequestValidationException("size must be between 64 and 512.");

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var dataset = new Dataset
        {
            TeamId = teamId,
            Name = string.IsNullOrWhiteSpace(request.Name) ? $"Phantoms {slices}x{size}px (seed {seed})" : ApiLimits.Name(request.Name, "name"),
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
        var dataset = await db.Datasets.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
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
        var datasets = await db.Datasets.AsNoTracking().VisibleTo(access).OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);
        var counts = await db.Slices
            .VisibleTo(access)
            .GroupBy(s => new { s.DatasetId, s.Label, s.Split })
            .Select(g => new { g.Key.DatasetId, g.Key.Label, g.Key.Split, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var duplicates = await db.Slices
            .VisibleTo(access)
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

    /// <summary>Whether the dataset exists in one of the caller's teams.</summary>
    public async Task<bool> ExistsAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.VisibleTo(access).AnyAsync(d => d.Id == datasetId, cancellationToken);
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
            dataset.Status,
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
                counts.Where(c => c.Split == SplitPart.Test).Sum(c => c.Count),
                counts.Where(c => c.Split == SplitPart.Unassigned).Sum(c => c.Count)),
            [.. dataset.Warnings, .. dataset.ImportNotices]);
}
