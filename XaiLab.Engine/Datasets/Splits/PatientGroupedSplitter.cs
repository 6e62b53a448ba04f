namespace XaiLab.Engine.Datasets.Splits;

/// <summary>
/// Splits slices into train, validation and test sets. <see cref="SplitPreset.PatientGrouped"/> (the default) keeps each
/// patient's slices together and stratifies by class: every patient is given the class most of their slices have, the
/// patients of each class are shuffled with the seed, taken largest first, and each goes to the split furthest below its
/// slice target (ratio x the class's slice count). <see cref="SplitPreset.PaperRandom"/> reproduces the paper's random
/// slice split, with its leakage.
/// </summary>
public static class PatientGroupedSplitter
{
    /// <summary>Warning attached to every <see cref="SplitPreset.PaperRandom"/> result.</summary>
    public const string LeakageWarning =
        "PaperRandom splits slices at random, ignoring patients: slices of one patient land in both training and test sets " +
        "(data leakage), which inflates test accuracy. Use PatientGrouped for an honest estimate.";

    private static readonly DatasetSplit[] Splits = [DatasetSplit.Train, DatasetSplit.Validation, DatasetSplit.Test];

    /// <summary>Assigns each slice of <paramref name="slices"/> to a split.</summary>
    /// <param name="slices">Slices with unique indices; at least one.</param>
    /// <param name="preset">Default <see cref="SplitPreset.PatientGrouped"/>.</param>
    /// <param name="ratios">Default <see cref="SplitRatios.Default"/> (0.70/0.15/0.15).</param>
    /// <param name="seed">Seed of the shuffle. Default 0.</param>
    /// <exception cref="ArgumentException">Empty input, duplicate indices or invalid ratios.</exception>
    public static SplitResult Split(IReadOnlyList<SliceLabel> slices, SplitPreset preset = SplitPreset.PatientGrouped, SplitRatios? ratios = null, int seed = 0)
    {
        ratios ??= SplitRatios.Default;
        ratios.Validate();
        if (slices.Count == 0)
        {
            throw new ArgumentException("There are no slices to split.", nameof(slices));
        }

        if (slices.Select(s => s.SliceIndex).Distinct().Count() != slices.Count)
        {
            throw new ArgumentException("Slice indices must be unique.", nameof(slices));
        }

        var warnings = new List<string>();
        var splitOf = preset == SplitPreset.PaperRandom
            ? RandomSplit(slices, ratios, seed, warnings)
            : GroupedSplit(slices, ratios, seed, warnings);
        var assignments = slices.Select(s => new SplitAssignment(s.SliceIndex, s.ClassLabel, s.PatientId, splitOf[s.SliceIndex])).ToList();
        return new SplitResult(assignments, preset, seed, warnings);
    }

    private static Dictionary<int, DatasetSplit> RandomSplit(IReadOnlyList<SliceLabel> slices, SplitRatios ratios, int seed, List<string> warnings)
    {
        warnings.Add(LeakageWarning);
        var order = slices.Select(s => s.SliceIndex).Order().ToArray();
        new Random(seed).Shuffle(order);
        var train = (int)Math.Round(ratios.Train * order.Length);
        var validation = (int)Math.Round(ratios.Validation * order.Length);
        var result = new Dictionary<int, DatasetSplit>();
        for (var i = 0; i < order.Length; i++)
        {
            result[order[i]] = i < train ? DatasetSplit.Train : i < train + validation ? DatasetSplit.Validation : DatasetSplit.Test;
        }

        return result;
    }

    /// <summary>
    /// The patient-grouped split as well as the patients allow, for datasets of any size: the split of
    /// <paramref name="ratios"/> when it gives training and test slices; else one without validation (its share to
    /// training, then half and half); else none, every slice <see cref="DatasetSplit.Unassigned"/>. The result's warnings say which was
    /// made and why, so the lab can split by hand or use the dataset as an external test set.
    /// </summary>
    public static SplitResult SplitAsPatientsAllow(IReadOnlyList<SliceLabel> slices, SplitRatios? ratios = null, int seed = 0)
    {
        ratios ??= SplitRatios.Default;
        var patients = slices.Select(s => s.PatientId).Distinct(StringComparer.Ordinal).Count();
        var full = Split(slices, SplitPreset.PatientGrouped, ratios, seed);
        if (full.Count(DatasetSplit.Train) > 0 && full.Count(DatasetSplit.Test) > 0)
        {
            return full;
        }
        // Fewer splits: without validation (its share to training), then halves, which gives a class of two patients one each.
        foreach (var fallback in new[] { new SplitRatios(ratios.Train + ratios.Validation, 0, ratios.Test), new SplitRatios(0.5, 0, 0.5) })
        {
            var twoWay = Split(slices, SplitPreset.PatientGrouped, fallback, seed);
            if (twoWay.Count(DatasetSplit.Train) > 0 && twoWay.Count(DatasetSplit.Test) > 0)
            {
                return twoWay with
                {
                    Warnings = [$"{patients} patients are too few for a validation split as well: training and test only " +
                        $"({Math.Round(fallback.Train * 100)} % / {Math.Round(fallback.Test * 100)} % of each class's slices), so training cannot stop early.", .. twoWay.Warnings],
                };
            }
        }
        return new SplitResult(
            slices.Select(s => new SplitAssignment(s.SliceIndex, s.ClassLabel, s.PatientId, DatasetSplit.Unassigned)).ToList(),
            SplitPreset.PatientGrouped,
            seed,
            [TooFewPatients(patients)]);
    }

    /// <summary>The warning of a dataset left without a split.</summary>
    public static string TooFewPatients(int patients) =>
        $"{patients} patient{(patients == 1 ? " is" : "s are")} too few for a patient-grouped split with training and test slices: " +
        "every slice is unassigned. Split it by hand or use it as an external test set.";

    private static Dictionary<int, DatasetSplit> GroupedSplit(IReadOnlyList<SliceLabel> slices, SplitRatios ratios, int seed, List<string> warnings)
    {
        var random = new Random(seed);
        var patients = slices
            .GroupBy(s => s.PatientId, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Slices: g.Select(s => s.SliceIndex).ToList(), Class: MajorityClass(g)))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var result = new Dictionary<int, DatasetSplit>();
        var used = Splits.Where(s => ratios.Of(s) > 0).ToArray();
        foreach (var byClass in patients.GroupBy(p => p.Class, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = byClass.ToArray();
            random.Shuffle(members);
            var total = members.Sum(p => p.Slices.Count);
            var filled = new Dictionary<DatasetSplit, int>();
            foreach (var patient in members.OrderByDescending(p => p.Slices.Count))
            {
                var split = used.MaxBy(s => ratios.Of(s) * total - filled.GetValueOrDefault(s));
                filled[split] = filled.GetValueOrDefault(split) + patient.Slices.Count;
                foreach (var index in patient.Slices)
                {
                    result[index] = split;
                }
            }

            var empty = used.Where(s => !filled.ContainsKey(s)).ToList();
            if (empty.Count > 0)
            {
                warnings.Add(
                    $"Class '{byClass.Key}' has {members.Length} patient(s), too few to reach every split: " +
                    $"{string.Join(", ", empty)} get(s) none of its slices.");
            }
        }

        return result;
    }

    private static string MajorityClass(IEnumerable<SliceLabel> slices) =>
        slices.GroupBy(s => s.ClassLabel, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
}
