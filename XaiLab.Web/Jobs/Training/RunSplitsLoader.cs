using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Datasets.Caching;
using XaiLab.Engine.Imaging;
using XaiLab.Engine.Models;
using XaiLab.Engine.Training;
using XaiLab.Web.Services.Datasets;

namespace XaiLab.Web.Jobs.Training;

/// <summary>
/// A run's slices from the dataset's resized-slice cache, finished by one <see cref="SlicePreprocessor"/> whose
/// normalisation statistics come from the training split only (never from validation or test). The statistics are stored
/// on the run, so attribution and embeddings later preprocess exactly as training did.
/// </summary>
public sealed class RunSplitsLoader(IDbContextFactory<XaiLabDbContext> contexts, SliceInputCache inputs)
{
    public async Task<RunSplits> LoadAsync(TrainingRun run, CancellationToken cancellationToken)
    {
        var (classNames, slices) = await ReadSlicesAsync(run.DatasetId, cancellationToken);
        var train = slices.Where(s => s.Split == SplitPart.Train).ToList();
        var validation = slices.Where(s => s.Split == SplitPart.Validation).ToList();
        var test = slices.Where(s => s.Split == SplitPart.Test).ToList();
        if (train.Count == 0 || test.Count == 0)
        {
            throw new InvalidOperationException($"Dataset {run.DatasetId} has no training or no test slices; check its split.");
        }

        var cache = await inputs.OpenAsync(run.DatasetId, run.ImageSize, cancellationToken);
        try
        {
            var stats = await StatisticsAsync(run, cache, train.Select(s => s.Id), contexts, cancellationToken);
            var preprocessor = new SlicePreprocessor(new PreprocessingOptions(run.ImageSize, 1, stats));
            return new RunSplits(
                classNames,
                preprocessor,
                Source(cache, train, preprocessor),
                validation.Count == 0 ? null : Source(cache, validation, preprocessor),
                Source(cache, test, preprocessor),
                test.Select(s => s.Id).ToList(),
                cache);
        }
        catch
        {
            cache.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The run's stored statistics, or (first load, and runs from before they were stored) those of the training split's
    /// resized planes (the identity for architectures that normalise inside, such as pretrained backbones), which are
    /// then stored on the run.
    /// </summary>
    public static async Task<NormalizationStats> StatisticsAsync(TrainingRun run, ResizedSliceCache cache, IEnumerable<int> trainSliceIds,
        IDbContextFactory<XaiLabDbContext> contexts, CancellationToken cancellationToken)
    {
        if (run is { NormalizationMean: { } mean, NormalizationStd: { } std })
        {
            return new NormalizationStats(mean, std);
        }
        // Pretrained backbones normalise inside the model: the identity keeps the slices on the 0..1 scale.
        var stats = ModelFactory.ExpectsUnitRangeInput(ArchitectureNames.Parse(run.Architecture))
            ? new NormalizationStats(0, 1)
            : NormalizationStats.FromPlanes(trainSliceIds.Select(id => (ReadOnlyMemory<float>)cache.Plane(cache.RowOf(id))));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.NormalizationMean, stats.Mean)
            .SetProperty(r => r.NormalizationStd, stats.Std), cancellationToken);
        run.NormalizationMean = stats.Mean;
        run.NormalizationStd = stats.Std;
        return stats;
    }

    /// <summary>
    /// The statistics a trained run normalises with, for jobs that feed it slices after training (attribution, external
    /// evaluation): the stored ones, else those of its training split's planes (<see cref="StatisticsAsync"/>).
    /// </summary>
    public static async Task<NormalizationStats> TrainedStatisticsAsync(TrainingRun run, IDbContextFactory<XaiLabDbContext> contexts,
        SliceInputCache inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run is { NormalizationMean: { } mean, NormalizationStd: { } std })
        {
            return new NormalizationStats(mean, std);
        }
        List<int> trainIds;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            trainIds = await db.Slices.AsNoTracking()
                .Where(s => s.DatasetId == run.DatasetId && s.Split == SplitPart.Train)
                .Select(s => s.Id).ToListAsync(cancellationToken);
        }
        using var cache = await inputs.OpenAsync(run.DatasetId, run.ImageSize, cancellationToken);
        return await StatisticsAsync(run, cache, trainIds, contexts, cancellationToken);
    }

    private async Task<(List<string> Classes, List<SliceRow> Slices)> ReadSlicesAsync(int datasetId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var classes = await db.Datasets.Where(d => d.Id == datasetId).Select(d => d.ClassNames).FirstAsync(cancellationToken);
        var slices = await db.Slices.AsNoTracking()
            .Where(s => s.DatasetId == datasetId)
            .OrderBy(s => s.Index)
            .Select(s => new SliceRow(s.Id, s.Label, s.Split))
            .ToListAsync(cancellationToken);
        return (classes, slices);
    }

    private static CachedSampleSource Source(ResizedSliceCache cache, List<SliceRow> slices, SlicePreprocessor preprocessor) =>
        new(cache, slices.Select(s => cache.RowOf(s.Id)).ToList(), slices.Select(s => s.Label).ToList(), preprocessor);

    private sealed record SliceRow(int Id, int Label, SplitPart Split);
}
