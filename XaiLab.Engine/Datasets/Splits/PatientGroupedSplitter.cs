namespace XaiLab.Engine.Datasets.Splits;

/// <summary>
/// Divides slices into train, validation and test. The default keeps every patient in one split and each class in
/// about the asked proportions: per class, patients (largest first, ties in seeded random order) go to the split that is
/// furthest below its target number of slices. <see cref="SplitPreset.PaperRandom"/> reproduces the paper's leaky split.
/// </summary>
public static class PatientGroupedSplitter
{
    /// <summary>The split of each item, in the order of <paramref name="items"/>.</summary>
    public static DatasetSplit[] Split(IReadOnlyList<SplitItem> items, SplitOptions options)
    {
        ArgumentNullException.ThrowIfNull(items);
        options.Validate();
        return options.Preset == SplitPreset.PaperRandom ? RandomSplit(items, options) : GroupedSplit(items, options);
    }

    private static DatasetSplit[] GroupedSplit(IReadOnlyList<SplitItem> items, SplitOptions options)
    {
        var random = new Random(options.Seed);
        var result = new DatasetSplit[items.Count];
        var ratios = new[] { options.Train, options.Validation, options.Test };

        // A patient belongs to the class most of its slices have, so the stratification is by patient-level class.
        var patients = Enumerable.Range(0, items.Count)
            .GroupBy(i => items[i].PatientId, StringComparer.Ordinal)
            .Select(g => (Indices: g.ToArray(), Label: g.GroupBy(i => items[i].Label).OrderByDescending(l => l.Count()).ThenBy(l => l.Key).First().Key))
            .OrderBy(p => items[p.Indices[0]].PatientId, StringComparer.Ordinal)
            .ToList();

        foreach (var byClass in patients.GroupBy(p => p.Label).OrderBy(g => g.Key))
        {
            var group = byClass.Select(p => (p.Indices, Tiebreak: random.Next())).ToList();
            var total = group.Sum(p => p.Indices.Length);
            var filled = new double[3];
            foreach (var patient in group.OrderByDescending(p => p.Indices.Length).ThenBy(p => p.Tiebreak))
            {
                var target = Enumerable.Range(0, 3)
                    .Where(s => ratios[s] > 0)
                    .OrderByDescending(s => (ratios[s] * total - filled[s]) / (ratios[s] * total))
                    .First();
                filled[target] += patient.Indices.Length;
                foreach (var index in patient.Indices)
                {
                    result[index] = (DatasetSplit)target;
                }
            }
        }
        return result;
    }

    private static DatasetSplit[] RandomSplit(IReadOnlyList<SplitItem> items, SplitOptions options)
    {
        var order = Enumerable.Range(0, items.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var trainEnd = (int)Math.Round(items.Count * options.Train);
        var validationEnd = trainEnd + (int)Math.Round(items.Count * options.Validation);
        var result = new DatasetSplit[items.Count];
        for (var position = 0; position < order.Length; position++)
        {
            result[order[position]] = position < trainEnd ? DatasetSplit.Train : position < validationEnd ? DatasetSplit.Validation : DatasetSplit.Test;
        }
        return result;
    }
}
