using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Evaluation;
using XaiLab.Engine.Networks;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Jobs.Training;

/// <summary>Predicts the test split and stores per-slice predictions and the classification report.</summary>
public sealed class RunEvaluationStage(IDbContextFactory<XaiLabDbContext> contexts)
{
    public async Task RunAsync(TrainingRun run, Network network, RunSplits data, CancellationToken cancellationToken)
    {
        var probabilities = network.Predict(data.Test, run.BatchSize);
        var labels = Enumerable.Range(0, data.Test.Count).Select(data.Test.Label).ToArray();
        var report = ClassificationMetrics.Compute(labels, probabilities, data.ClassNames.Count);
        var evaluation = new StoredEvaluation(report.Accuracy, report.MacroF1, report.WeightedF1, data.ClassNames,
            report.ConfusionMatrix, report.Precision, report.Recall, report.F1, report.Support, report.RocAuc);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Predictions.Where(p => p.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
        for (var i = 0; i < data.TestSliceIds.Count; i++)
        {
            var best = Array.IndexOf(probabilities[i], probabilities[i].Max());
            db.Predictions.Add(new Prediction
            {
                RunId = run.Id,
                SliceId = data.TestSliceIds[i],
                Label = labels[i],
                Predicted = best,
                Probabilities = probabilities[i],
            });
        }
        var stored = await db.Runs.SingleAsync(r => r.Id == run.Id, cancellationToken);
        stored.TestAccuracy = report.Accuracy;
        stored.EvaluationJson = evaluation.ToJson();
        await db.SaveChangesAsync(cancellationToken);
    }
}
