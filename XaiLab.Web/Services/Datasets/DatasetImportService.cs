using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Datasets;
using XaiLab.Web.Jobs;
using XaiLab.Web.Jobs.Datasets;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;
using XaiLab.Web.Services.Progress;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;

namespace XaiLab.Web.Services.Datasets;

/// <summary>Registers uploaded files as importing datasets, enqueues their import, and cancels imports.</summary>
public sealed class DatasetImportService(
    IDbContextFactory<XaiLabDbContext> contexts,
    IBackgroundJobClient jobs,
    DatasetUploadStore uploads,
    JobExecutions executions,
    DatasetProgressNotifier notifier,
    TimeProvider time,
    TeamAccess access,
    IAuditLog audit)
{
    /// <summary>
    /// Takes ownership of an upload written by <see cref="DatasetUploadStore"/>: creates the dataset (status importing)
    /// and enqueues its import on the default queue. The upload is deleted when the import ends, whatever the outcome.
    /// </summary>
    /// <param name="uploadPath">The uploaded file.</param>
    /// <param name="name">Dataset name; blank: the file name without extension.</param>
    /// <param name="format">auto, figshare, covid-radiography, image-folder, nifti or dicom; blank: auto.</param>
    /// <param name="covidClasses">COVID-19 Radiography class folders; empty: the paper's three classes.</param>
    /// <param name="teamId">Owning team; null: the caller's first team.</param>
    /// <param name="fileName">The file name the user sent, for the default dataset name and the audit log (never a path).</param>
    /// <param name="volumes">NIfTI slicing and DICOM pseudonymisation; null: the defaults.</param>
    public async Task<int> StartAsync(string uploadPath, string? name, string? format, IReadOnlyList<string> covidClasses,
        int? teamId, string? fileName, CancellationToken cancellationToken = default, VolumeImportSettings? volumes = null)
    {
        DatasetFormat parsed;
        int team;
        try
        {
            team = access.OwningTeam(teamId);
            parsed = DatasetApiNames.ParseFormat(format);
            volumes = (volumes ?? VolumeImportSettings.Default).Validated();
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

        var datasetName = string.IsNullOrWhiteSpace(name) ? DatasetUploadStore.DisplayName(fileName) : name.Trim();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = new Dataset
        {
            TeamId = team,
            Name = ApiLimits.Name(datasetName, "name"),
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
            job => job.RunAsync(dataset.Id, parsed, classes.Length == 0 ? null : classes, volumes, CancellationToken.None),
            new EnqueuedState(JobQueues.Default));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.DatasetUpload, "dataset", dataset.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{DatasetUploadStore.DisplayName(fileName)}, {new FileInfo(uploadPath).Length:N0} bytes", cancellationToken);
        return dataset.Id;
    }

    /// <summary>Cancels an importing dataset: the import rolls back and stays failed.</summary>
    /// <exception cref="RequestValidationException">Not found (404) when the caller sees no such dataset; conflict (409)
    /// when it is not importing.</exception>
    public async Task CancelAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.VisibleTo(access).FirstOrDefaultAsync(d => d.Id == datasetId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Dataset {datasetId} does not exist.");
        if (dataset.Status != DatasetStatus.Importing)
        {
            throw RequestValidationException.InConflict($"Dataset {datasetId} is not importing.");
        }
        await audit.RecordAsync(AuditActions.DatasetCancel, "dataset", datasetId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, cancellationToken);
        if (await executions.RequestCancelAsync(JobKinds.DatasetImport, datasetId, cancellationToken))
        {
            return;
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
    }
}
