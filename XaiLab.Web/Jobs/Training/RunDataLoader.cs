using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Imaging;
using XaiLab.Engine.Training;

namespace XaiLab.Web.Jobs.Training;

/// <summary>
/// Reads a run's slices from the artifact store and preprocesses them with one <see cref="SlicePreprocessor"/>, whose
/// normalisation statistics come from the training split only (never from validation or test).
/// </summary>
public sealed class RunDataLoader(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store)
{
    public async Task<RunData> LoadAsync(TrainingRun run, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().FirstAsync(d => d.Id == run.DatasetId, cancellationToken);
        var slices = await db.Slices.AsNoTracking()
            .Where(s => s.DatasetId == run.DatasetId)
            .OrderBy(s => s.Index)
            .Select(s => new { s.Id, s.Label, s.Split, s.ImagePath })
            .ToListAsync(cancellationToken);

        var images = new Dictionary<int, SliceImage>(slices.Count);
        foreach (var slice in slices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            images[slice.Id] = Png16Codec.Decode(await store.ReadAsync(slice.ImagePath, cancellationToken));
        }

        var train = slices.Where(s => s.Split == SplitPart.Train).ToList();
        var validation = slices.Where(s => s.Split == SplitPart.Validation).ToList();
        var test = slices.Where(s => s.Split == SplitPart.Test).ToList();
        if (train.Count == 0 || test.Count == 0)
        {
            throw new InvalidOperationException($"Dataset {dataset.Id} has no training or no test slices; check its split.");
        }

        var stats = NormalizationStats.FromImages(train.Select(s => images[s.Id]));
        var preprocessor = new SlicePreprocessor(new PreprocessingOptions(run.ImageSize, 1, stats));
        return new RunData(
            dataset.ClassNames,
            preprocessor,
            InMemorySampleSource.FromSlices(train.Select(s => images[s.Id]), train.Select(s => s.Label), preprocessor),
            validation.Count == 0 ? null : InMemorySampleSource.FromSlices(validation.Select(s => images[s.Id]), validation.Select(s => s.Label), preprocessor),
            InMemorySampleSource.FromSlices(test.Select(s => images[s.Id]), test.Select(s => s.Label), preprocessor),
            test.Select(s => s.Id).ToList());
    }
}
