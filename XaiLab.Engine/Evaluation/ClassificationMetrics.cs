namespace XaiLab.Engine.Evaluation;

/// <summary>Computes a <see cref="ClassificationReport"/> from true labels and predicted probabilities.</summary>
public static class ClassificationMetrics
{
    /// <summary>
    /// Metrics of arg-max predictions (ties go to the lower class, as numpy's argmax) and rank-based one-vs-rest ROC AUC.
    /// </summary>
    public static ClassificationReport Compute(int[] labels, float[][] probabilities, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        if (labels.Length != probabilities.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {probabilities.Length} predictions.", nameof(probabilities));
        }
        if (labels.Length == 0)
        {
            throw new ArgumentException("Metrics need at least one sample.", nameof(labels));
        }
        var confusion = new int[classCount][];
        for (var k = 0; k < classCount; k++)
        {
            confusion[k] = new int[classCount];
        }
        var correct = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Label of sample {i} is not a class index.");
            }
            if (probabilities[i].Length != classCount)
            {
                throw new ArgumentException($"Prediction {i} has {probabilities[i].Length} values, not {classCount}.", nameof(probabilities));
            }
            var predicted = ArgMax(probabilities[i]);
            confusion[labels[i]][predicted]++;
            if (predicted == labels[i])
            {
                correct++;
            }
        }

        var precision = new double[classCount];
        var recall = new double[classCount];
        var f1 = new double[classCount];
        var support = new int[classCount];
        var rowNormalized = new double[classCount][];
        var auc = new double[classCount];
        for (var k = 0; k < classCount; k++)
        {
            var truePositives = confusion[k][k];
            support[k] = confusion[k].Sum();
            var predictedCount = confusion.Sum(row => row[k]);
            precision[k] = predictedCount == 0 ? 0 : (double)truePositives / predictedCount;
            recall[k] = support[k] == 0 ? 0 : (double)truePositives / support[k];
            f1[k] = precision[k] + recall[k] == 0 ? 0 : 2 * precision[k] * recall[k] / (precision[k] + recall[k]);
            rowNormalized[k] = confusion[k].Select(c => support[k] == 0 ? 0 : (double)c / support[k]).ToArray();
            auc[k] = RocAuc(labels, probabilities, k);
        }
        var definedAuc = auc.Where(a => !double.IsNaN(a)).ToArray();
        return new ClassificationReport(
            (double)correct / labels.Length,
            confusion,
            rowNormalized,
            precision,
            recall,
            f1,
            support,
            f1.Average(),
            f1.Select((value, k) => value * support[k]).Sum() / labels.Length,
            auc,
            definedAuc.Length == 0 ? double.NaN : definedAuc.Average());
    }

    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }
        return best;
    }

    /// <summary>Mann-Whitney U / (positives x negatives) with average ranks for tied scores.</summary>
    private static double RocAuc(int[] labels, float[][] probabilities, int positiveClass)
    {
        var order = Enumerable.Range(0, labels.Length).OrderBy(i => probabilities[i][positiveClass]).ToArray();
        long positives = labels.Count(l => l == positiveClass);
        long negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        double positiveRankSum = 0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            var score = probabilities[order[start]][positiveClass];
            while (end + 1 < order.Length && probabilities[order[end + 1]][positiveClass] == score)
            {
                end++;
            }
            var averageRank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                if (labels[order[i]] == positiveClass)
                {
                    positiveRankSum += averageRank;
                }
            }
            start = end + 1;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
    }
}
