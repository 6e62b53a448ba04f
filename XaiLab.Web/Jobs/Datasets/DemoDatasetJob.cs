using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Phantoms;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Progress;

namespace XaiLab.Web.Jobs.Datasets;

/// <summary>Generates a phantom demo dataset into a registered (importing) dataset, with progress and cancel.</summary>
public sealed class DemoDatasetJob(
    DatasetSliceWriter writer,
    IDbContextFactory<XaiLabDbContext> contexts,
    DatasetImportCancellationRegistry cancellations,
    DatasetProgressNotifier notifier,
    TimeProvider time)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int datasetId, int slices, int size, int seed, CancellationToken cancellationToken)
    {
        // Registered before the status check: a cancel either reaches this token or marks the row before we read it.
        var cancellation = cancellations.Register(datasetId, cancellationToken);
        try
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                if (!await db.Datasets.AnyAsync(d => d.Id == datasetId && d.Status == DatasetStatus.Importing, cancellationToken))
                {
                    return;
                }
            }
            var phantoms = PhantomGenerator.Generate(new PhantomOptions(slices, size, seed))
                .Select(p => new ImportedSlice($"phantom-{p.Index:D6}", p.ClassName, p.PatientId, p.Image, p.Mask));
            var progress = new DatasetImportProgress(datasetId, contexts, notifier, time);
            await writer.WriteAsync(datasetId, phantoms, PhantomGenerator.ClassNames, seed, slices, progress, cancellation.Token);
            notifier.Publish(new DatasetProgress(datasetId, DatasetStatus.Ready, 1, null));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            notifier.Publish(new DatasetProgress(datasetId, DatasetStatus.Failed, 0, "Import cancelled."));
        }
        finally
        {
            cancellations.Unregister(datasetId, cancellation);
            cancellation.Dispose();
        }
    }
}
