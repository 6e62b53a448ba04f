using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Engine.Evaluation.Saliency;
using XaiLab.Engine.Imaging;
using XaiLab.Engine.Networks;
using XaiLab.Engine.Training;
using XaiLab.Web.Jobs.Training;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Jobs.Attributions;

/// <summary>
/// One run's trained model, ready to explain slices: weights from the run's last checkpoint, the preprocessor with
/// statistics from the training split (as training), and the run's test predictions and those of its external
/// evaluations (the explained class is the prediction, else the label, as the run's built-in saliency step).
/// </summary>
public sealed class RunExplainer : IDisposable
{
    private readonly Network network;
    private readonly SlicePreprocessor preprocessor;
    private readonly IReadOnlyDictionary<int, int> predictions;

    private RunExplainer(Network network, SlicePreprocessor preprocessor, IReadOnlyDictionary<int, int> predictions)
    {
        this.network = network;
        this.preprocessor = preprocessor;
        this.predictions = predictions;
    }

    public static async Task<RunExplainer> LoadAsync(TrainingRun run, IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store,
        SliceInputCache inputs, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var classes = await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.ClassNames.Count).FirstAsync(cancellationToken);
        var stats = await RunSplitsLoader.TrainedStatisticsAsync(run, contexts, inputs, cancellationToken);
        // Preprocess of the original slice equals the training path (cache plane + Normalize): one code path, tested.
        var preprocessor = new SlicePreprocessor(new PreprocessingOptions(run.ImageSize, 1, stats));
        var predictions = await db.Predictions.AsNoTracking().Where(p => p.RunId == run.Id)
            .ToDictionaryAsync(p => p.SliceId, p => p.Predicted, cancellationToken);
        // Slices of datasets the run was evaluated on are explained for the class it predicted there, as test slices are.
        var external = await db.EvaluationPredictions.AsNoTracking()
            .Where(p => p.Evaluation!.RunId == run.Id && p.Evaluation.Status == RunEvaluationStatus.Succeeded)
            .OrderByDescending(p => p.EvaluationId)
            .Select(p => new { p.SliceId, p.Predicted }).ToListAsync(cancellationToken);
        foreach (var prediction in external)
        {
            predictions.TryAdd(prediction.SliceId, prediction.Predicted);
        }
        var checkpoint = run.CheckpointPath ?? throw new InvalidOperationException($"Run {run.Id} has no checkpoint.");
        var state = TrainingCheckpoint.FromBytes(await store.ReadAsync(checkpoint, cancellationToken)).ModelState;

        return new RunExplainer(RunNetworks.CreateTrained(run, classes, state), preprocessor, predictions);
    }

    /// <summary>The network input for <paramref name="image"/>: [C, H, W], exactly as training fed it.</summary>
    internal float[] Input(SliceImage image) => preprocessor.Preprocess(image);

    /// <summary>The run's class probabilities for <paramref name="image"/>, preprocessed exactly as training fed it.</summary>
    public float[] Predict(SliceImage image) =>
        network.Predict(new InMemorySampleSource([preprocessor.Preprocess(image)], [0]), batchSize: 1)[0];

    /// <summary>Computes, renders and scores one map. Synchronous: tensors live on this thread only.</summary>
    public ComputedAttribution Explain(string method, AttributionOptions options, int sliceId, int label, SliceImage image,
        BinaryMask? mask, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var pixels = preprocessor.Preprocess(image);
        var target = predictions.TryGetValue(sliceId, out var predicted) ? predicted : label;
        var map = network.Explain(method, options, pixels, target, cancellationToken);
        var scaledMask = mask is null ? null : ImageResampler.ResizeNearest(mask, map.Width, map.Height).Values;
        var scores = AttributionScorer.Score(map, pixels, scaledMask, images => network.Score(images, target));
        var overlay = SaliencyRenderer.RenderOverlayPng(image, map, mask, new SaliencyRenderOptions());
        return new ComputedAttribution(map, overlay, target, scores, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The cascading randomisation test of one method on one slice (<see cref="CascadingRandomisation"/>): parameterised
    /// layers re-initialised from the output down, in at most <paramref name="maxSteps"/> even groups; the trained weights
    /// are restored afterwards.
    /// </summary>
    public IReadOnlyList<RandomisationStep> Randomise(string method, AttributionOptions options, int sliceId, int label, SliceImage image,
        int maxSteps, long seed, CancellationToken cancellationToken)
    {
        var pixels = preprocessor.Preprocess(image);
        var target = predictions.TryGetValue(sliceId, out var predicted) ? predicted : label;
        return network.Randomise(method, options, pixels, target, maxSteps, seed, cancellationToken);
    }

    public void Dispose() => network.Dispose();
}
