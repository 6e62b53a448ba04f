using XaiLab.Engine.Evaluation;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Services.Evaluations;

/// <summary>The one mapping of a stored classification report and its predictions to the API's metrics and calibration,
/// for a run's test split and for its external evaluations alike.</summary>
public static class EvaluationMetrics
{
    /// <summary>Calibration of stored predictions; null without any.</summary>
    public static CalibrationResponse? Calibration(IReadOnlyList<(int Label, float[] Probabilities)> predictions) =>
        predictions.Count == 0
            ? null
            : CalibrationResponse.From(XaiLab.Engine.Evaluation.Calibration.Compute(
                predictions.Select(p => p.Label).ToArray(), predictions.Select(p => p.Probabilities).ToArray()));

    public static EvaluationMetricsResponse Metrics(StoredEvaluation evaluation, IReadOnlyList<(int Label, float[] Probabilities)> predictions)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return new EvaluationMetricsResponse(
            evaluation.Accuracy,
            evaluation.MacroF1,
            evaluation.WeightedF1,
            evaluation.Labels.Select((name, i) => new ClassMetricsResponse(
                name, evaluation.Precision[i], evaluation.Recall[i], evaluation.F1[i], evaluation.Support[i])).ToList(),
            evaluation.ToAucResponse(),
            new ConfusionMatrixResponse(evaluation.Labels, evaluation.ConfusionMatrix),
            Calibration(predictions) ?? CalibrationResponse.From(XaiLab.Engine.Evaluation.Calibration.FromConfidences([], [])));
    }

    /// <summary>External minus internal accuracy with its unpaired 95% bootstrap interval; null when a side is empty.</summary>
    public static AccuracyDifferenceResponse? Difference(IReadOnlyList<bool> internalCorrect, IReadOnlyList<bool> externalCorrect)
    {
        if (internalCorrect.Count == 0 || externalCorrect.Count == 0)
        {
            return null;
        }
        var interval = UnpairedBootstrap.AccuracyDifference(externalCorrect, internalCorrect);
        return new AccuracyDifferenceResponse(
            internalCorrect.Count(c => c) / (double)internalCorrect.Count,
            externalCorrect.Count(c => c) / (double)externalCorrect.Count,
            interval.Estimate, interval.Lower, interval.Upper);
    }
}
