using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Services.Progress;

namespace XaiLab.Web.Jobs.Datasets;

/// <summary>
/// Progress of one import: published to open pages and stored on the dataset row, both at most every
/// <see cref="Interval"/> (and always for the final 1), so a fast import never turns into a stream of writes.
/// </summary>
public sealed class DatasetImportProgress(int datasetId, IDbContextFactory<XaiLabDbContext> contexts, JobExecutionScope execution, TimeProvider time)
    : IProgress<double>
{
    /// <summary>Least time between two stored updates: 0.5 s.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private long lastReport = long.MinValue;

    public void Report(double value)
    {
        var now = time.GetTimestamp();
        if (value < 1 && lastReport != long.MinValue && time.GetElapsedTime(lastReport, now) < Interval)
        {
            return;
        }
        lastReport = now;
        var progress = Math.Clamp(value, 0, 1);
        using (var db = contexts.CreateDbContext())
        {
            db.Datasets.Where(d => d.Id == datasetId && d.Status == DatasetStatus.Importing)
                .ExecuteUpdate(u => u.SetProperty(d => d.ImportProgress, progress));
        }
        execution.Report($"importing ({progress:P0})", new DatasetProgress(datasetId, DatasetStatus.Importing, progress, null));
    }
}
