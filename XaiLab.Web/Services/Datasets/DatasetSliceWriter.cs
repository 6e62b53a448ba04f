using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Hashing;
using XaiLab.Engine.Datasets.Splits;
using XaiLab.Engine.Imaging;

namespace XaiLab.Web.Services.Datasets;

/// <summary>
/// Stores the slices of a dataset that is importing: each slice once, lossless (16-bit PNG) with its mask, rows written
/// in batches, then the patient-grouped split and the dataset's counts and version hash. Slices stream through: memory
/// stays flat however large the dataset. Anything that goes wrong (including cancellation) removes every row and file
/// written so far and marks the dataset failed with the reason.
/// </summary>
public sealed class DatasetSliceWriter(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store,
    Microsoft.Extensions.Options.IOptions<DatasetImportOptions> options, ILogger<DatasetSliceWriter> logger)
{
    private const int BatchSize = 500;

    /// <param name="datasetId">A dataset in status importing.</param>
    /// <param name="slices">The slices, read lazily.</param>
    /// <param name="classOrder">Class names in label order; null: labels in order of first appearance.</param>
    /// <param name="splitSeed">Seed of the train/validation/test split.</param>
    /// <param name="expectedCount">For progress; null when unknown.</param>
    /// <param name="notices">What the readers left out while <paramref name="slices"/> streamed; kept as the dataset's warnings.</param>
    public async Task WriteAsync(int datasetId, IEnumerable<ImportedSlice> slices, IReadOnlyList<string>? classOrder, int splitSeed,
        int? expectedCount, IProgress<double>? progress, CancellationToken cancellationToken, ImportNotices? notices = null)
    {
        var folder = $"datasets/{datasetId}";
        var minutes = options.Value.MaxImportMinutes;
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            await WriteCoreAsync(datasetId, folder, slices, classOrder, splitSeed, expectedCount, progress, notices, linked.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Import of dataset {DatasetId} failed; rolling back", datasetId);
            var overBudget = e is OperationCanceledException && budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            var reason = overBudget
                ? $"The import ran past its time budget of {minutes:0.##} minutes (Imports:MaxImportMinutes) and was stopped; nothing was kept."
                : e is OperationCanceledException ? "Import cancelled." : e.Message;
            await RollBackAsync(datasetId, folder, reason);
            if (overBudget)
            {
                throw new DatasetImportException(reason);
            }
            throw;
        }
    }

    private async Task WriteCoreAsync(int datasetId, string folder, IEnumerable<ImportedSlice> slices, IReadOnlyList<string>? classOrder,
        int splitSeed, int? expectedCount, IProgress<double>? progress, ImportNotices? notices, CancellationToken cancellationToken)
    {
        var classes = classOrder?.ToList() ?? [];
        var hashes = new List<string>();
        var splitItems = new List<SliceLabel>();
        var withMasks = false;
        var batch = new List<Slice>(BatchSize);
        var index = 0;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A job re-run after its process died finds what the dead attempt wrote: start from nothing.
        store.DeleteFolder(folder);
        await db.Slices.Where(s => s.DatasetId == datasetId).ExecuteDeleteAsync(cancellationToken);
        foreach (var imported in slices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var label = classes.IndexOf(imported.ClassName);
            if (label < 0)
            {
                if (classOrder is not null)
                {
                    throw new DatasetImportException($"Slice '{imported.SourceName}' has class '{imported.ClassName}', which is not one of {string.Join(", ", classOrder)}.");
                }
                classes.Add(imported.ClassName);
                label = classes.Count - 1;
            }

            var imagePath = $"{folder}/images/{index:D6}.png";
            store.Write(imagePath, Png16Codec.Encode(imported.Image));
            string? maskPath = null;
            if (imported.Mask is not null)
            {
                maskPath = $"{folder}/masks/{index:D6}.png";
                store.Write(maskPath, Png16Codec.EncodeMask(imported.Mask));
                withMasks = true;
            }
            // Patient ids come from file and folder names: nothing that hides or reverses text reaches a page or a CSV.
            var patientId = DisplayText.Clean(imported.PatientId, 128, $"unknown-{index}");
            var hash = ContentHash.Of(imported.Image, imported.Mask);
            hashes.Add(hash);
            splitItems.Add(new SliceLabel(index, imported.ClassName, patientId));
            batch.Add(new Slice
            {
                DatasetId = datasetId,
                Index = index,
                PatientId = patientId,
                Label = label,
                Split = SplitPart.Train,
                Width = imported.Image.Width,
                Height = imported.Image.Height,
                BitDepth = imported.Image.BitDepth,
                ImagePath = imagePath,
                MaskPath = maskPath,
                ContentHash = hash,
                MetadataJson = StoredSliceMetadata.Write(imported.Metadata),
            });
            index++;
            if (batch.Count == BatchSize)
            {
                await FlushAsync(db, batch, cancellationToken);
            }
            if (expectedCount is > 0)
            {
                progress?.Report(Math.Min(0.95, 0.95 * index / expectedCount.Value));
            }
        }
        await FlushAsync(db, batch, cancellationToken);

        if (index == 0)
        {
            throw new DatasetImportException("The dataset holds no slices.");
        }
        if (classes.Count < 2 || splitItems.Select(s => s.ClassLabel).Distinct().Count() < 2)
        {
            throw new DatasetImportException($"A classifier needs at least two classes; this dataset has only '{splitItems[0].ClassLabel}'.");
        }

        // Never a reason to fail the import: the split is made as well as the patients allow (DatasetSplitParts).
        var split = PatientGroupedSplitter.SplitAsPatientsAllow(splitItems, seed: splitSeed);
        foreach (var part in new[] { SplitPart.Validation, SplitPart.Test, SplitPart.Unassigned })
        {
            var indices = split.Assignments.Where(a => DatasetSplitParts.ToPart(a.Split) == part).Select(a => a.SliceIndex).ToList();
            await db.Slices.Where(s => s.DatasetId == datasetId && indices.Contains(s.Index))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Split, part), cancellationToken);
        }

        var dataset = await db.Datasets.SingleAsync(d => d.Id == datasetId, cancellationToken);
        dataset.ClassNames = classes;
        dataset.SliceCount = index;
        dataset.PatientCount = splitItems.Select(s => s.PatientId).Distinct().Count();
        dataset.WithMasks = withMasks;
        dataset.VersionHash = ContentHash.DatasetVersion(hashes);
        dataset.SplitSeed = splitSeed;
        dataset.Warnings = [.. split.Warnings];
        dataset.ImportNotices = [.. notices?.Summary() ?? []];
        dataset.Status = DatasetStatus.Ready;
        dataset.Error = null;
        await db.SaveChangesAsync(cancellationToken);
        progress?.Report(1);
    }



    private static async Task FlushAsync(XaiLabDbContext db, List<Slice> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        db.Slices.AddRange(batch);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    private async Task RollBackAsync(int datasetId, string folder, string reason)
    {
        // Files and rows go first: whoever sees "failed" must find nothing left behind.
        store.DeleteFolder(folder);
        await using var db = await contexts.CreateDbContextAsync();
        await db.Slices.Where(s => s.DatasetId == datasetId).ExecuteDeleteAsync();
        await db.Datasets.Where(d => d.Id == datasetId).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.Status, DatasetStatus.Failed)
            .SetProperty(d => d.Error, reason)
            .SetProperty(d => d.SliceCount, 0)
            .SetProperty(d => d.PatientCount, 0));
    }
}
