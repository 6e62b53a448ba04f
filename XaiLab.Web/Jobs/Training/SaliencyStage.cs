using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Engine.Imaging;
using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Web.Jobs.Training;

/// <summary>
/// The walking skeleton's explanation step: vanilla gradient and integrated gradients (25 steps, zero baseline, as the
/// paper) of the predicted class for a few test slices, one per class where possible, stored as overlay PNG and raw map.
/// </summary>
public sealed class SaliencyStage(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, TimeProvider time)
{
    /// <summary>How many test slices get maps. Default 3.</summary>
    public const int SliceCount = 3;

    public async Task RunAsync(TrainingRun run, ClassifierModel model, RunData data, IReadOnlyDictionary<int, int> predicted,
        Device device, IProgress<double> progress, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var testIds = data.TestSliceIds.ToHashSet();
        var candidates = await db.Slices.AsNoTracking()
            .Where(s => s.DatasetId == run.DatasetId && s.Split == SplitPart.Test)
            .OrderBy(s => s.Index)
            .ToListAsync(cancellationToken);
        var chosen = candidates.Where(s => testIds.Contains(s.Id))
            .GroupBy(s => s.Label).Select(g => g.First())
            .Concat(candidates).DistinctBy(s => s.Id).Take(SliceCount).ToList();

        IAttributionMethod[] methods = [new VanillaGradient(), new IntegratedGradients(steps: 25)];
        var probe = new ClassifierProbe(model, ExplainedOutput.Probability, device);
        await db.SaliencyMaps.Where(m => m.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
        var total = chosen.Count * methods.Length;
        var done = 0;
        foreach (var slice in chosen)
        {
            var image = Png16Codec.Decode(await store.ReadAsync(slice.ImagePath, cancellationToken));
            var mask = slice.MaskPath is null ? null : Png16Codec.DecodeMask(await store.ReadAsync(slice.MaskPath, cancellationToken));
            var pixels = data.Preprocessor.Preprocess(image);
            var target = predicted.TryGetValue(slice.Id, out var p) ? p : slice.Label;
            foreach (var method in methods)
            {
                var clock = Stopwatch.StartNew();
                AttributionMap map;
                using (var input = tensor(pixels, [1L, run.ImageSize, run.ImageSize], device: device))
                {
                    map = method.Explain(probe, input, target, cancellationToken: cancellationToken);
                }
                var elapsed = clock.Elapsed.TotalSeconds;
                var folder = $"runs/{run.Id}/saliency/{slice.Id}";
                var overlayPath = $"{folder}/{method.ApiName}.png";
                var valuesPath = $"{folder}/{method.ApiName}.f32";
                store.Write(overlayPath, SaliencyRenderer.RenderOverlayPng(image, map, mask, new SaliencyRenderOptions()));
                store.Write(valuesPath, MemoryMarshal.AsBytes(map.Values.AsSpan()));
                db.SaliencyMaps.Add(new SaliencyMap
                {
                    RunId = run.Id,
                    SliceId = slice.Id,
                    Method = method.ApiName,
                    Target = target,
                    OverlayPath = overlayPath,
                    ValuesPath = valuesPath,
                    DurationSeconds = elapsed,
                    CreatedAt = time.GetUtcNow(),
                });
                progress.Report(++done / (double)total);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
