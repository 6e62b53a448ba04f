using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Engine.Evaluation;
using XaiLab.Engine.Imaging;
using XaiLab.Engine.Training;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Jobs.Training;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Evaluations;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Jobs.Evaluations;

/// <summary>
/// Judges a run on another dataset: the network from the run's last checkpoint, fed exactly as training's evaluation
/// feeds the test split (the dataset's resized-slice cache at the run's input size, normalised with the run's
/// training-split statistics), predicted in chunks with progress; the slices' classes are mapped into the run's, and the
/// report is stored as the run's own (<see cref="StoredEvaluation"/>) with one <see cref="EvaluationPrediction"/> per slice.
/// </summary>
public sealed class EvaluationJob(
    IDbContextFactory<XaiLabDbContext> contexts,
    ArtifactStore store,
    SliceInputCache inputs,
    JobExecutions executions,
    TimeProvider time)
{
    /// <summary>Slices predicted between two progress reports.</summary>
    internal const int Chunk = 64;

    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int evaluationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var evaluation = await db.RunEvaluations.FirstOrDefaultAsync(e => e.Id == evaluationId, cancellationToken);
        if (evaluation is null || evaluation.Status == RunEvaluationStatus.Succeeded)
        {
            return; // deleted before it ran, or done
        }
        await using var execution = await executions.BeginAsync(JobKinds.Evaluation, evaluationId, cancellationToken);
        cancellationToken = execution.Token;
        evaluation.Status = RunEvaluationStatus.Running;
        evaluation.Progress = 0;
        evaluation.Error = null;
        await db.SaveChangesAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        try
        {
            await EvaluateAsync(db, evaluation, execution, cancellationToken);
            evaluation.Status = RunEvaluationStatus.Succeeded;
            evaluation.Progress = 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            evaluation.Status = RunEvaluationStatus.Failed;
            evaluation.Error = e.Message;
        }
        evaluation.DurationSeconds = clock.Elapsed.TotalSeconds;
        evaluation.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        execution.Report(evaluation.Status == RunEvaluationStatus.Succeeded ? "succeeded" : "failed");
    }

    private async Task EvaluateAsync(XaiLabDbContext db, RunEvaluation evaluation, JobExecutionScope execution, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == evaluation.RunId, cancellationToken);
        var ours = await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.ClassNames).FirstAsync(cancellationToken);
        var theirs = await db.Datasets.Where(d => d.Id == evaluation.DatasetId).Select(d => d.ClassNames).FirstAsync(cancellationToken);
        var toOurs = StoredClassMap.Read(evaluation.ClassMapJson).Indices(theirs, ours);
        var slices = await EvaluationService.SlicesOf(db, evaluation.DatasetId, evaluation.Split).OrderBy(s => s.Index)
            .Select(s => new { s.Id, s.Label }).ToListAsync(cancellationToken);
        if (slices.Count == 0)
        {
            throw new InvalidOperationException($"Dataset {evaluation.DatasetId} has no {evaluation.Split.ToString().ToLowerInvariant()} slices.");
        }
        evaluation.Samples = slices.Count;
        var checkpoint = run.CheckpointPath ?? throw new InvalidOperationException($"Run {run.Id} has no checkpoint.");
        var state = TrainingCheckpoint.FromBytes(await store.ReadAsync(checkpoint, cancellationToken)).ModelState;
        var stats = await RunSplitsLoader.TrainedStatisticsAsync(run, contexts, inputs, cancellationToken);
        var preprocessor = new SlicePreprocessor(new PreprocessingOptions(run.ImageSize, 1, stats));

        execution.Report($"preparing {slices.Count} slices at {run.ImageSize} px");
        using var cache = await inputs.OpenAsync(evaluation.DatasetId, run.ImageSize, cancellationToken);
        using var network = RunNetworks.CreateTrained(run, ours.Count, state);
        var labels = slices.Select(s => toOurs[s.Label]).ToArray();
        var probabilities = new float[slices.Count][];
        for (var start = 0; start < slices.Count; start += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var part = slices.Skip(start).Take(Chunk).ToList();
            var source = new CachedSampleSource(cache, part.Select(s => cache.RowOf(s.Id)).ToList(), part.Select(s => toOurs[s.Label]).ToList(), preprocessor);
            var predicted = network.Predict(source, Math.Max(1, run.BatchSize));
            predicted.CopyTo(probabilities, start);
            var done = start + part.Count;
            var progress = done / (double)slices.Count;
            execution.Report($"predicting slice {done} of {slices.Count}");
            await db.RunEvaluations.Where(e => e.Id == evaluation.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Progress, progress).SetProperty(e => e.Samples, slices.Count), cancellationToken);
        }

        var report = ClassificationMetrics.Compute(labels, probabilities, ours.Count);
        evaluation.MetricsJson = new StoredEvaluation(report.Accuracy, report.MacroF1, report.WeightedF1, ours,
            report.ConfusionMatrix, report.Precision, report.Recall, report.F1, report.Support, report.RocAuc).ToJson();
        await db.EvaluationPredictions.Where(p => p.EvaluationId == evaluation.Id).ExecuteDeleteAsync(cancellationToken);
        for (var i = 0; i < slices.Count; i++)
        {
            db.EvaluationPredictions.Add(new EvaluationPrediction
            {
                EvaluationId = evaluation.Id,
                SliceId = slices[i].Id,
                Label = labels[i],
                Predicted = Array.IndexOf(probabilities[i], probabilities[i].Max()),
                Probabilities = probabilities[i],
            });
        }
    }
}
