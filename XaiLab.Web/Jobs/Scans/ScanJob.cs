using System.Runtime.InteropServices;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Engine.Imaging;
using XaiLab.Web.Jobs.Artifacts;
using XaiLab.Web.Jobs.Attributions;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Scans;

namespace XaiLab.Web.Jobs.Scans;

/// <summary>
/// The worker side of <see cref="ScanExplanationService"/>: loads the run as the attribution jobs do
/// (<see cref="RunExplainer"/>: last checkpoint, training statistics), predicts the scan's image and explains the
/// predicted class with each method, then writes the overlays, the float32 values and, last, the answer
/// (<c>result.json</c>) that the waiting request reads; on failure the reason beside it.
/// </summary>
public sealed class ScanJob(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, SliceInputCache inputs)
{
    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    public async Task ExplainAsync(string token, CancellationToken cancellationToken)
    {
        var folder = ScanRecord.FolderOf(token);
        var resultPath = $"{folder}/result.json";
        try
        {
            var record = JsonSerializer.Deserialize<ScanRecord>(await store.ReadAsync($"{folder}/scan.json", cancellationToken), ScanExplanationService.Json)
                ?? throw new InvalidOperationException($"Scan {token} has no record.");
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == record.RunId, cancellationToken)
                ?? throw new InvalidOperationException($"Run {record.RunId} no longer exists.");
            var image = Png16Codec.Decode(await store.ReadAsync(record.ImagePath, cancellationToken));
            using var explainer = await RunExplainer.LoadAsync(run, contexts, store, inputs, cancellationToken);
            var probabilities = explainer.Predict(image);
            var predicted = Array.IndexOf(probabilities, probabilities.Max());
            var maps = new List<ScanResultMap>();
            foreach (var method in record.Methods)
            {
                // No stored prediction for a scan: the explained class is the one just predicted.
                var computed = explainer.Explain(method, new AttributionOptions(), sliceId: -1, label: predicted, image, mask: null, cancellationToken);
                await store.WriteAsync(record.OverlayPath(method), computed.OverlayPng, cancellationToken);
                await store.WriteAsync(record.ValuesPath(method), MemoryMarshal.AsBytes(computed.Map.Values.AsSpan()).ToArray(), cancellationToken);
                maps.Add(new ScanResultMap(method, computed.Target, computed.Map.Channels, computed.Map.Height, computed.Map.Width,
                    SaliencyRenderer.ClipValue(computed.Map)));
            }
            var result = new ScanResult(probabilities, predicted, maps);
            await store.WriteAsync(resultPath, JsonSerializer.SerializeToUtf8Bytes(result, ScanExplanationService.Json), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.WriteAsync(ComputedArtifacts.ErrorPathOf(resultPath), System.Text.Encoding.UTF8.GetBytes(e.Message), CancellationToken.None);
            throw;
        }
    }
}
