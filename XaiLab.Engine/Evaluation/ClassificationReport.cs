namespace XaiLab.Engine.Evaluation;

/// <summary>Classification metrics with scikit-learn's definitions (zero_division = 0). Arrays are indexed by class.</summary>
/// <param name="Accuracy">Share of samples whose arg-max class is the true class.</param>
/// <param name="ConfusionMatrix">Counts [true class][predicted class].</param>
/// <param name="RowNormalized">Each row divided by its sum (recall on the diagonal); rows of absent classes are zero.</param>
/// <param name="Precision">TP / (TP + FP), 0 when nothing was predicted as the class.</param>
/// <param name="Recall">TP / (TP + FN), 0 when the class is absent.</param>
/// <param name="F1">2 P R / (P + R), 0 when P + R = 0.</param>
/// <param name="Support">Samples of each true class.</param>
/// <param name="MacroF1">Unweighted mean of <paramref name="F1"/> over all classes.</param>
/// <param name="WeightedF1">Mean of <paramref name="F1"/> weighted by <paramref name="Support"/>.</param>
/// <param name="RocAuc">One-vs-rest ROC AUC of each class's probability (ties count half); NaN when the class is absent
/// or is every sample.</param>
/// <param name="MacroRocAuc">Mean of the defined <paramref name="RocAuc"/> values; NaN when none is defined.</param>
public sealed record ClassificationReport(
    double Accuracy,
    int[][] ConfusionMatrix,
    double[][] RowNormalized,
    double[] Precision,
    double[] Recall,
    double[] F1,
    int[] Support,
    double MacroF1,
    double WeightedF1,
    double[] RocAuc,
    double MacroRocAuc);
