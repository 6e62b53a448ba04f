namespace XaiLab.Engine.Training;

/// <summary>Class weights for a cross-entropy that counts every class equally however imbalanced the training set is.</summary>
public static class ClassWeights
{
    /// <summary>
    /// scikit-learn's "balanced" weights: n / (classes * count_c). A class absent from <paramref name="labels"/> gets 0
    /// (no sample can carry it anyway).
    /// </summary>
    public static float[] Balanced(IReadOnlyList<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var counts = new int[classes];
        foreach (var label in labels)
        {
            if (label < 0 || label >= classes)
            {
                throw new ArgumentException($"Label {label} is outside 0..{classes - 1}.", nameof(labels));
            }
            counts[label]++;
        }
        return counts.Select(count => count == 0 ? 0f : (float)(labels.Count / (double)(classes * count))).ToArray();
    }
}
