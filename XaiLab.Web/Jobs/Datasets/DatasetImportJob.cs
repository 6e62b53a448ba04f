using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Sources;
using XaiLab.Web.Services.Datasets;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Services.Progress;

namespace XaiLab.Web.Jobs.Datasets;

/// <summary>
/// Imports an uploaded file into a registered (importing) dataset: detects the layout, streams the slices through
/// <see cref="DatasetSliceWriter"/> (which rolls back on any failure or cancellation), and always deletes the upload.
/// </summary>
public sealed class DatasetImportJob(
    IDbContextFactory<XaiLabDbContext> contexts,
    DatasetSliceWriter writer,
    DatasetUploadStore uploads,
    PseudonymKey pseudonymKey,
    JobExecutions executions,
    TimeProvider time,
    ILogger<DatasetImportJob> logger)
{
    private static readonly string[] SliceExtensions = [".mat", ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"];

    /// <summary>The job as queued before volume settings existed (jobs still in a queue at an upgrade).</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(int datasetId, DatasetFormat format, string[]? covidClasses, CancellationToken jobCancellation) =>
        RunAsync(datasetId, format, covidClasses, null, jobCancellation);

    /// <param name="datasetId">A dataset in status importing whose row holds the upload path.</param>
    /// <param name="format">Layout of the upload; auto detects it.</param>
    /// <param name="covidClasses">COVID-19 Radiography class folders to import; null: the paper's three.</param>
    /// <param name="volumes">NIfTI slicing and DICOM pseudonymisation; null: the defaults.</param>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int datasetId, DatasetFormat format, string[]? covidClasses, VolumeImportSettings? volumes, CancellationToken jobCancellation)
    {
        // Begun before the status check: a cancel either reaches this execution or marks the row before we read it.
        await using var execution = await executions.BeginAsync(JobKinds.DatasetImport, datasetId, jobCancellation);
        Dataset? dataset;
        await using (var db = await contexts.CreateDbContextAsync(jobCancellation))
        {
            dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == datasetId, jobCancellation);
        }
        if (dataset is null || dataset.Status != DatasetStatus.Importing || dataset.UploadPath is null)
        {
            // Cancelled while queued: the cancel already marked it and deleted the upload.
            uploads.Delete(dataset?.UploadPath);
            return;
        }

        var progress = new DatasetImportProgress(datasetId, contexts, execution, time);
        try
        {
            var notices = new ImportNotices();
            var settings = volumes ?? VolumeImportSettings.Default;
            var options = settings.ApplyTo(ImportOptions.Default with
            {
                Format = format, CovidClasses = covidClasses is { Length: > 0 } ? covidClasses : ImportOptions.Default.CovidClasses, Notices = notices,
            }, settings.Pseudonymise ? pseudonymKey.Value() : null);
            await writer.WriteAsync(datasetId, Slices(datasetId, dataset.UploadPath, options, progress), classOrder: null, dataset.SplitSeed,
                expectedCount: null, progress: null, execution.Token, notices);
            progress.Report(1);
            execution.Report("imported", new DatasetProgress(datasetId, DatasetStatus.Ready, 1, null));
        }
        catch (Exception e) when (e is DatasetImportException or OperationCanceledException or IOException or InvalidDataException)
        {
            // The writer has rolled back and stored the reason; a bad upload is the user's to fix, not a job to retry.
            logger.LogInformation("Import of dataset {DatasetId} did not complete: {Reason}", datasetId, e.Message);
            var failed = await ReadErrorAsync(datasetId);
            execution.Report("failed", new DatasetProgress(datasetId, DatasetStatus.Failed, 0, failed));
        }
        finally
        {
            uploads.Delete(dataset.UploadPath);
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            await db.Datasets.Where(d => d.Id == datasetId).ExecuteUpdateAsync(u => u.SetProperty(d => d.UploadPath, (string?)null), CancellationToken.None);
        }
    }

    /// <summary>
    /// The slices, with detection inside the enumeration so that an unreadable upload fails (and rolls back) exactly like
    /// a bad slice does.
    /// </summary>
    private IEnumerable<ImportedSlice> Slices(int datasetId, string path, ImportOptions options, IProgress<double> progress)
    {
        DatasetFormat format;
        int? expected;
        using (var tree = DatasetFileTree.Open(path, options.Limits))
        {
            format = options.Format == DatasetFormat.Auto ? DatasetFormatDetector.Detect(tree) : options.Format;
            expected = ExpectedSlices(tree, format, options);
        }
        using (var db = contexts.CreateDbContext())
        {
            var source = DatasetApiNames.Source(format);
            db.Datasets.Where(d => d.Id == datasetId).ExecuteUpdate(u => u.SetProperty(d => d.Source, source));
        }

        var count = 0;
        foreach (var slice in DatasetImporter.Read(path, options with { Format = format }))
        {
            yield return slice;
            count++;
            if (expected is > 0)
            {
                progress.Report(Math.Min(0.95, 0.95 * count / expected.Value));
            }
        }
    }

    /// <summary>Slices expected from the listing, for progress; null when nested archives or volumes hide them.</summary>
    private static int? ExpectedSlices(DatasetFileTree tree, DatasetFormat format, ImportOptions options)
    {
        if (format is DatasetFormat.Nifti or DatasetFormat.Dicom)
        {
            return null;
        }
        if (tree.Files.Any(f => f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var candidates = tree.Files
            .Where(f => SliceExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.Split('/').Any(segment => string.Equals(segment, "masks", StringComparison.OrdinalIgnoreCase)));
        if (format == DatasetFormat.CovidRadiography && options.CovidClasses is { } classes)
        {
            candidates = candidates.Where(f => f.Split('/').Any(segment => classes.Contains(segment, StringComparer.OrdinalIgnoreCase)));
        }
        return candidates.Count();
    }

    private async Task<string?> ReadErrorAsync(int datasetId)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        return await db.Datasets.Where(d => d.Id == datasetId).Select(d => d.Error).FirstOrDefaultAsync(CancellationToken.None);
    }
}
