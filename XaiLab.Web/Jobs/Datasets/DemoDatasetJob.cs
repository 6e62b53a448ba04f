using Hangfire;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Phantoms;
using XaiLab.Web.Services.Datasets;

namespace XaiLab.Web.Jobs.Datasets;

/// <summary>Generates a phantom demo dataset into a registered (importing) dataset.</summary>
public sealed class DemoDatasetJob(DatasetSliceWriter writer)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int datasetId, int slices, int size, int seed, CancellationToken cancellationToken)
    {
        var phantoms = PhantomGenerator.Generate(new PhantomOptions(slices, size, seed))
            .Select(p => new ImportedSlice($"phantom-{p.Index:D6}", p.ClassName, p.PatientId, p.Image, p.Mask));
        await writer.WriteAsync(datasetId, phantoms, PhantomGenerator.ClassNames, seed, slices, progress: null, cancellationToken);
    }
}
