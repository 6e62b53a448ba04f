using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Models;

/// <summary>Builds the model table: cached architecture properties joined with the test accuracy of the caller's teams'
/// succeeded runs.</summary>
public sealed class ModelTableService(IDbContextFactory<XaiLabDbContext> contextFactory, ModelDescriptions properties, TeamAccess access)
{
    public async Task<ModelTable> BuildAsync(ModelQuery query, CancellationToken cancellationToken = default)
    {
        var models = await properties.DescribeAllAsync(query, cancellationToken);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Aggregated here rather than in SQL: SQLite cannot subtract DateTimeOffset values.
        var runs = await db.Runs.AsNoTracking().VisibleTo(access)
            .Where(r => r.Status == RunStatus.Succeeded && r.TestAccuracy != null)
            .Select(r => new { r.Architecture, r.DatasetId, Accuracy = r.TestAccuracy!.Value, r.StartedAt, r.FinishedAt })
            .ToListAsync(cancellationToken);
        var datasetIds = runs.Select(r => r.DatasetId).Distinct().ToList();
        var datasets = await db.Datasets.AsNoTracking()
            .Where(d => datasetIds.Contains(d.Id))
            .OrderBy(d => d.Id)
            .Select(d => new DatasetColumn(d.Id, d.Name))
            .ToListAsync(cancellationToken);

        var rows = models.Select(model =>
        {
            var own = runs.Where(r => string.Equals(r.Architecture, model.Architecture, StringComparison.OrdinalIgnoreCase)).ToList();
            var accuracy = own.GroupBy(r => r.DatasetId)
                .ToDictionary(g => g.Key, g => AccuracySummary.Of(g.Select(r => r.Accuracy).ToList()));
            var durations = own.Where(r => r.StartedAt is not null && r.FinishedAt is not null)
                .Select(r => (r.FinishedAt!.Value - r.StartedAt!.Value).TotalSeconds)
                .ToList();
            return new ModelTableRow(model, accuracy, durations.Count > 0 ? durations.Average() : null, own.Count);
        }).ToList();
        return new ModelTable(query, datasets, rows);
    }
}
