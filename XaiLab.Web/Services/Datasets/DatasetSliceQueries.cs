using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Datasets;

/// <summary>Server-side, paged and filtered reads of a dataset's slices (for the gallery, the charts and the API); datasets
/// of other teams do not exist here.</summary>
public sealed class DatasetSliceQueries(IDbContextFactory<XaiLabDbContext> contexts, TeamAccess access)
{
    /// <summary>Most slices one page may hold.</summary>
    public const int MaxTake = 500;

    /// <summary>Slices matching <paramref name="filter"/> in dataset order; null when the dataset does not exist.</summary>
    public async Task<IReadOnlyList<SliceResponse>?> ListAsync(int datasetId, SliceFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        if (skip < 0) throw new RequestValidationException("skip must not be negative.");
        if (take is < 1 or > MaxTake) throw new RequestValidationException($"take must be between 1 and {MaxTake}.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var classes = await ClassNamesAsync(db, datasetId, cancellationToken);
        if (classes is null)
        {
            return null;
        }
        var rows = await Filter(db, datasetId, classes, filter)
            .OrderBy(s => s.Index)
            .Skip(skip)
            .Take(take)
            .Select(s => new { s.Id, s.Index, s.Label, s.PatientId, s.Width, s.Height, HasMask = s.MaskPath != null, s.Split, s.ContentHash, s.MetadataJson })
            .ToListAsync(cancellationToken);
        return rows
            .Select(s => new SliceResponse(s.Id, s.Index, s.Label < classes.Count ? classes[s.Label] : s.Label.ToString(), s.PatientId,
                s.Width, s.Height, s.HasMask, s.Split, s.ContentHash, Metadata(s.MetadataJson)))
            .ToList();
    }

    /// <summary>How many slices match <paramref name="filter"/>; 0 when the dataset does not exist.</summary>
    public async Task<int> CountAsync(int datasetId, SliceFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var classes = await ClassNamesAsync(db, datasetId, cancellationToken);
        return classes is null ? 0 : await Filter(db, datasetId, classes, filter).CountAsync(cancellationToken);
    }

    /// <summary>The <paramref name="top"/> patients with the most slices, most first (ties by id).</summary>
    public async Task<IReadOnlyList<PatientCount>> TopPatientsAsync(int datasetId, int top, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Slices.VisibleTo(access).Where(s => s.DatasetId == datasetId)
            .GroupBy(s => s.PatientId)
            .Select(g => new { PatientId = g.Key, Count = g.Count() })
            .OrderByDescending(p => p.Count).ThenBy(p => p.PatientId)
            .Take(top)
            .ToListAsync(cancellationToken);
        return rows.Select(p => new PatientCount(p.PatientId, p.Count)).ToList();
    }

    private static SliceMetadataResponse? Metadata(string? json) => StoredSliceMetadata.Read(json) is { } m
        ? new SliceMetadataResponse(m.Axis, m.Position, m.Count, m.ValueScale, m.ValueOffset, m.WindowCenter, m.WindowWidth, m.Series)
        : null;

    private async Task<List<string>?> ClassNamesAsync(XaiLabDbContext db, int datasetId, CancellationToken cancellationToken) =>
        (await db.Datasets.AsNoTracking().VisibleTo(access).Where(d => d.Id == datasetId).Select(d => new { d.ClassNames }).FirstOrDefaultAsync(cancellationToken))?.ClassNames;

    private static IQueryable<Slice> Filter(XaiLabDbContext db, int datasetId, List<string> classes, SliceFilter filter)
    {
        var query = db.Slices.Where(s => s.DatasetId == datasetId);
        if (!string.IsNullOrWhiteSpace(filter.Class))
        {
            var label = classes.IndexOf(filter.Class.Trim());
            if (label < 0)
            {
                throw new RequestValidationException($"Unknown class '{filter.Class}'. This dataset has: {string.Join(", ", classes)}.");
            }
            query = query.Where(s => s.Label == label);
        }
        if (!string.IsNullOrWhiteSpace(filter.Split))
        {
            var split = DatasetApiNames.ParseSplit(filter.Split.Trim());
            query = query.Where(s => s.Split == split);
        }
        if (!string.IsNullOrWhiteSpace(filter.Patient))
        {
            var patient = filter.Patient.Trim();
            query = query.Where(s => s.PatientId == patient);
        }
        return query;
    }
}
