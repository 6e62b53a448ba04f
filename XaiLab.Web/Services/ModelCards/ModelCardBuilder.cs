using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Jobs.Training;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Services.ModelCards;

/// <summary>
/// A run's model card from its rows, with no team scope (callers scope): the same card for the API
/// (<see cref="ModelCardService"/>) and for the header of the exported safetensors (<see cref="ModelCardMetadata"/>).
/// The network's shape comes from <see cref="RunNetworks.Spec"/>, the very spec its training and export build the model
/// from; the preprocessing is <c>SlicePreprocessor</c>'s, with the statistics stored on the run.
/// </summary>
public static class ModelCardBuilder
{
    /// <summary>Whether <paramref name="run"/> has what its card describes: a checkpoint and stored normalisation
    /// statistics (every run that has trained an epoch; runs from before the statistics were stored get them at their next
    /// load).</summary>
    public static bool CanDescribe(TrainingRun run) =>
        run is { CheckpointPath: not null, NormalizationMean: not null, NormalizationStd: not null };

    /// <summary>The card of <paramref name="run"/>.</summary>
    /// <exception cref="RequestValidationException">Conflict (409) when the run has no checkpoint or no stored
    /// normalisation statistics yet.</exception>
    public static async Task<ModelCardResponse> BuildAsync(XaiLabDbContext db, TrainingRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        if (run.CheckpointPath is null)
        {
            throw RequestValidationException.InConflict($"Run {run.Id} has no checkpoint yet: its card describes trained weights.");
        }
        if (run is not { NormalizationMean: { } mean, NormalizationStd: { } std })
        {
            throw RequestValidationException.InConflict($"Run {run.Id} has no stored normalisation statistics yet.");
        }
        var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == run.DatasetId, cancellationToken);
        var depths = await db.Slices.Where(s => s.DatasetId == run.DatasetId)
            .GroupBy(s => s.BitDepth).Select(g => new { Depth = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var parts = await db.Slices.Where(s => s.DatasetId == run.DatasetId)
            .GroupBy(s => s.Split).Select(g => new { Split = g.Key, Slices = g.Count(), Patients = g.Select(s => s.PatientId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var spec = RunNetworks.Spec(run, dataset.ClassNames.Count);
        var config = RunService.ReadConfig(run);

        var preprocessing = new ModelCardPreprocessingResponse(
            "bit-depth",
            depths.Count == 0 ? 16 : depths.OrderByDescending(d => d.Count).ThenByDescending(d => d.Depth).First().Depth,
            depths.Select(d => d.Depth).Order().ToList(),
            "bilinear",
            AlignCorners: false,
            Antialias: false,
            mean,
            std,
            ChannelReplication: true);
        var training = new ModelCardTrainingResponse(
            config is null ? null : RunConfigResponse.From(config),
            run.Epochs,
            run.CompletedEpochs,
            run.BatchSize,
            run.LearningRate,
            run.Seed,
            DatasetApiNames.Name(dataset.SplitPreset),
            dataset.SplitSeed,
            Counts(part => parts.Where(p => p.Split == part).Sum(p => p.Slices)),
            Counts(part => parts.Where(p => p.Split == part).Sum(p => p.Patients)));
        return new ModelCardResponse(
            run.Architecture,
            dataset.ClassNames,
            spec.ImageSize,
            spec.Channels,
            RunConfigFactory.HeadName(spec.Head),
            preprocessing,
            training,
            new ModelCardDatasetResponse(dataset.Id, dataset.Name, dataset.VersionHash),
            new ModelCardMetricsResponse(TestMetrics(run), []),
            run.EnvironmentJson is null ? null : JsonSerializer.Deserialize<JsonElement>(run.EnvironmentJson));
    }

    private static SplitCountsResponse Counts(Func<SplitPart, int> count) =>
        new(count(SplitPart.Train), count(SplitPart.Validation), count(SplitPart.Test), count(SplitPart.Unassigned));

    private static ModelCardTestMetricsResponse? TestMetrics(TrainingRun run)
    {
        var evaluation = RunService.ReadEvaluation(run);
        if (evaluation is null)
        {
            return null;
        }
        return new ModelCardTestMetricsResponse(evaluation.Support.Sum(), evaluation.Accuracy, evaluation.MacroF1, evaluation.WeightedF1,
            evaluation.ToClassMetricsResponses(), evaluation.ToAucResponse(), new ConfusionMatrixResponse(evaluation.Labels, evaluation.ConfusionMatrix));
    }
}
