namespace XaiLab.Web.Services.Runs;

/// <summary>The test-split evaluation of a run as stored in TrainingRun.EvaluationJson.</summary>
public sealed record StoredEvaluation(
    double Accuracy,
    double MacroF1,
    double WeightedF1,
    IReadOnlyList<string> Labels,
    int[][] ConfusionMatrix,
    double[] Precision,
    double[] Recall,
    double[] F1,
    int[] Support,
    double[] RocAuc);
