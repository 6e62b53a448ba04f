using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Datasets;
using XaiLab.Web.Jobs;
using XaiLab.Web.Jobs.Datasets;
using XaiLab.Web.Services.Progress;

namespace XaiLab.Web.Services.Datasets;

/// <summary>Registers uploaded files as importing datasets, enqueues their import, and cancels imports.</summary>
public sealed class DatasetImportService(
    IDbContextFactory<XaiLabDbContext> contexts,
    IBackgroundJobClient jobs,
    DatasetUploadStore uploads,
    DatasetImportCancellationRegistry cancellations,
    DatasetProgressNotifier notifier,
    TimeProvider time)
{
    /// <summary>
    /// Takes ownership of an upload written by <see cref="DatasetUploadStore"/>: creates the dataset (status importing)
    /// and enqueues its import on the default queue. The upload is deleted when the import ends, whatever the outcome.
    /// </summary>
    /// <param name="uploadPath">The uploaded file.</param>
    /// <param name="name">Dataset name; blank: the file name without extension.</param>
    /// <param name="format">auto, figshare, covid-radiography or image-folder; blank: auto.</param>
    /// <param name="covidClasses">COVID-19 Radiography class folders; empty: the paper's three classes.</param>
    public async Task<int> StartAsync(string uploadPath, string? name, string? format, IReadOnlyList<string> covidClasses,
        CancellationToken cancellationToken = default)
    {
        DatasetFormat parsed;
        try
        {
            parsed = DatasetApiNames.ParseFormat(format);
            if (new FileInfo(uploadPath).Length == 0)
            {
                throw new RequestValidationException("The uploaded file is empty.");
            }
        }
        catch
        {
            uploads.Delete(uploadPath);
            throw;
        }

        var datasetName = string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(uploadPath) : name.Trim();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = new Dataset
        {
            TeamId = Team.DefaultTeamId,
            Name = datasetName.Length > 200 ? datasetName[..200] : datasetName,
            Source = DatasetApiNames.Source(parsed),
            Status = DatasetStatus.Importing,
            SplitSeed = 1,
            UploadPath = uploadPath,
            CreatedAt = time.GetUtcNow(),
        };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(cancellationToken);
        var classes = covidClasses.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        dataset.ImportJobId = jobs.Create<DatasetImportJob>(
            job => job.RunAsync(dataset.Id, parsed, classes.Length == 0 ? null : classes, CancellationToken.None),
            new EnqueuedState(JobQueues.Default));
        await db.SaveChangesAsync(cancellationToken);
        return dataset.Id;
    }

    /// <summary>Cancels an importing dataset; false when it is not importing. The import rolls back and stays failed.</summary>
    public async Task<bool> CancelAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Id == datasetId, cancellationToken)
            ?? throw new RequestValidationException($"Dataset {datasetId} does not exist.");
        if (dataset.Status != DatasetStatus.Importing)
        {
            return false;
        }
        if (cancellations.Cancel(datasetId))
        {
            return true;
        }
        // Still queued (or executing in another process): mark it; the job sees the status when it starts and stops.
        dataset.Status = DatasetStatus.Failed;
        dataset.Error = "Import cancelled.";
        var upload = dataset.UploadPath;
        dataset.UploadPath = null;
        await db.SaveChangesAsync(cancellationToken);
        if (dataset.ImportJobId is not null)
        {
            jobs.Delete(dataset.ImportJobId);
        }
        uploads.Delete(upload);
        notifier.Publish(new DatasetProgress(datasetId, DatasetStatus.Failed, 0, dataset.Error));
        return true;
    }
}
