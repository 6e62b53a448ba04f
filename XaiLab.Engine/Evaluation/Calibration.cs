namespace XaiLab.Engine.Evaluation;

/// <summary>
/// Reliability bins and expected calibration error of arg-max predictions on their top-class probability ("confidence"),
/// as Guo et al. (2017), "On Calibration of Modern Neural Networks": equal-width bins on [0, 1], a sample falls in the
/// bin (lower, upper] (the first bin also holds 0), which is scikit-learn's <c>calibration_curve(strategy="uniform")</c>
/// binning (<c>np.searchsorted(np.linspace(0, 1, n + 1)[1:-1], p)</c>) applied to correct-or-not against confidence.
/// </summary>
public static class Calibration
{
    /// <summary>The number of bins: 15, Guo et al.'s choice.</summary>
    public const int DefaultBins = 15;

    /// <summary>Calibration of <paramref name="probabilities"/> [sample][class] against <paramref name="labels"/>.</summary>
    /// <param name="bins">Equal-width bins on [0, 1]; default <see cref="DefaultBins"/>.</param>
    public static CalibrationReport Compute(IReadOnlyList<int> labels, IReadOnlyList<float[]> probabilities, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count != probabilities.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {probabilities.Count} predictions.", nameof(probabilities));
        }
        var confidences = new double[labels.Count];
        var correct = new bool[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var p = probabilities[i];
            if (p.Length == 0) throw new ArgumentException($"Prediction {i} has no class probabilities.", nameof(probabilities));
            var best = 0;
            for (var k = 1; k < p.Length; k++)
            {
                if (p[k] > p[best]) best = k; // ties go to the lower class, as ClassificationMetrics and numpy's argmax
            }
            confidences[i] = p[best];
            correct[i] = best == labels[i];
        }
        return FromConfidences(confidences, correct, bins);
    }

    /// <summary>Calibration of confidences in [0, 1] and whether each prediction was right.</summary>
    public static CalibrationReport FromConfidences(IReadOnlyList<double> confidences, IReadOnlyList<bool> correct, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(confidences);
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (confidences.Count != correct.Count)
        {
            throw new ArgumentException($"{confidences.Count} confidences but {correct.Count} outcomes.", nameof(correct));
        }
        // numpy.linspace(0, 1, bins + 1): i * (1 / bins), the last edge exactly 1.
        var step = 1.0 / bins;
        var edges = Enumerable.Range(0, bins + 1).Select(i => i == bins ? 1.0 : i * step).ToArray();
        var counts = new int[bins];
        var confidenceSums = new double[bins];
        var correctCounts = new int[bins];
        for (var i = 0; i < confidences.Count; i++)
        {
            var c = confidences[i];
            if (!(c is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(confidences), c, $"Confidence of sample {i} is outside [0, 1].");
            }
            var bin = BinOf(edges, c);
            counts[bin]++;
            confidenceSums[bin] += c;
            if (correct[i]) correctCounts[bin]++;
        }
        var total = confidences.Count;
        var ece = 0.0;
        var result = new CalibrationBin[bins];
        for (var b = 0; b < bins; b++)
        {
            if (counts[b] == 0)
            {
                result[b] = new CalibrationBin(edges[b], edges[b + 1], 0, null, null);
                continue;
            }
            var confidence = confidenceSums[b] / counts[b];
            var accuracy = correctCounts[b] / (double)counts[b];
            ece += counts[b] / (double)total * Math.Abs(accuracy - confidence);
            result[b] = new CalibrationBin(edges[b], edges[b + 1], counts[b], confidence, accuracy);
        }
        return new CalibrationReport(ece, result);
    }

    /// <summary>The first bin whose upper edge is at least <paramref name="confidence"/> (numpy's searchsorted, side left,
    /// over the inner edges).</summary>
    private static int BinOf(double[] edges, double confidence)
    {
        var bins = edges.Length - 1;
        for (var b = 0; b < bins - 1; b++)
        {
            if (confidence <= edges[b + 1]) return b;
        }
        return bins - 1;
    }
}
