using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Engine.Models.Weights;
using XaiLab.Engine.Training;
using XaiLab.Web.Services.ModelCards;
using XaiLab.Web.Services.Models;
using XaiLab.Web.Services.Runs;
using XaiLab.Web.Jobs.Training;

namespace XaiLab.Web.Jobs.Artifacts;

/// <summary>
/// The worker side of <see cref="ComputedArtifacts"/>: what the web node needs from libtorch, written as artifact files.
/// Each method writes its file (atomically) or, on failure, the reason beside it.
/// </summary>
public sealed class ArtifactJob(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, ModelPropertiesCache models)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Table 3 properties of every architecture at one input configuration (<see cref="ModelPropertiesCache"/>).</summary>
    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    public Task DescribeModelsAsync(int size, int channels, int classes, string path, CancellationToken cancellationToken) =>
        WriteAsync(path, async () => JsonSerializer.SerializeToUtf8Bytes(
            await models.DescribeAllAsync(new ModelQuery(size, channels, classes), cancellationToken), Json), cancellationToken);

    /// <summary>A run's checkpoint as a PyTorch state dict in the given format and naming; a .safetensors file carries
    /// the invariant part of the run's model card in its header (<see cref="ModelCardMetadata"/>).</summary>
    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    public Task ExportWeightsAsync(int runId, WeightFormat format, StateDictNaming naming, string path, CancellationToken cancellationToken) =>
        WriteAsync(path, async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
            var classes = await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.ClassNames.Count).FirstAsync(cancellationToken);
            var state = TrainingCheckpoint.FromBytes(await store.ReadAsync(run.CheckpointPath!, cancellationToken)).ModelState;
            var metadata = format == WeightFormat.Safetensors && ModelCardBuilder.CanDescribe(run)
                ? ModelCardMetadata.Of(await ModelCardBuilder.BuildAsync(db, run, cancellationToken))
                : null;
            using var network = RunNetworks.CreateTrained(run, classes, state);
            return network.ExportStateDict(format, naming, metadata);
        }, cancellationToken);

    private async Task WriteAsync(string path, Func<Task<byte[]>> compute, CancellationToken cancellationToken)
    {
        if (store.Exists(path))
        {
            return;
        }
        byte[] content;
        try
        {
            content = await compute();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.WriteAsync(ComputedArtifacts.ErrorPathOf(path), System.Text.Encoding.UTF8.GetBytes(e.Message), CancellationToken.None);
            throw;
        }
        await store.WriteAsync(path, content, cancellationToken);
    }
}
