using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Phantoms;
using XaiLab.Web.Services.Datasets;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Services.Progress;

namespace XaiLab.Web.Jobs.Datasets;

/// <summary>Generates a phantom demo dataset into a registered (importing) dataset, with progress and cancel.</summary>
public sealed class DemoDatasetJob(
    DatasetSliceWriter writer,
    IDbContextFactory<XaiLabDbContext> contexts,
    JobExecutions executions,
    TimeProvider time)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int datasetId, int slices, int size, int seed, CancellationToken cancellationToken)
    {
        // Begun before the status check: a cancel either reaches this execution or marks the row before we read it.
        await using var execution = await executions.BeginAsync(JobKinds.DatasetImport, datasetId, cancellationToken);
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
            var progress = new DatasetImportProgress(datasetId, contexts, execution, time);
            await writer.WriteAsync(datasetId, phantoms, PhantomGenerator.ClassNames, seed, slices, progress, execution.Token);
            execution.Report("generated", new DatasetProgress(datasetId, DatasetStatus.Ready, 1, null));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            execution.Report("cancelled", new DatasetProgress(datasetId, DatasetStatus.Failed, 0, "Import cancelled."));
        }
    }
}
