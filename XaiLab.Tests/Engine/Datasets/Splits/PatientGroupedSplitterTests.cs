using XaiLab.Engine.Datasets.Splits;

namespace XaiLab.Tests.Engine.Datasets.Splits;

public sealed class PatientGroupedSplitterTests
{
    [Fact]
    public void Split_KeepsEveryPatientInOneSplit()
    {
        var result = PatientGroupedSplitter.Split(MultiSlicePatients());

        Assert.False(LeakageReport.For(result.Assignments).HasLeakage);
        Assert.All(result.Assignments.GroupBy(a => a.PatientId), g => Assert.Single(g.Select(a => a.Split).Distinct()));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void SplitAsPatientsAllow_WithEnoughPatients_IsTheFullSplit()
    {
        var slices = MultiSlicePatients();
        Assert.Equal(PatientGroupedSplitter.Split(slices, seed: 3).Assignments, PatientGroupedSplitter.SplitAsPatientsAllow(slices, seed: 3).Assignments);
    }

    /// <summary>Two patients per class: the 70/15/15 split gives no test slices, so the split drops validation.</summary>
    [Fact]
    public void SplitAsPatientsAllow_TooFewForValidation_SplitsTrainAndTestOnly()
    {
        var slices = Enumerable.Range(0, 6).Select(i => new SliceLabel(i, i < 3 ? "a" : "b", $"p{i / 3}{i % 3 / 2}")).ToList();
        Assert.Equal(0, PatientGroupedSplitter.Split(slices).Count(DatasetSplit.Test));

        var result = PatientGroupedSplitter.SplitAsPatientsAllow(slices);

        Assert.True(result.Count(DatasetSplit.Train) > 0);
        Assert.True(result.Count(DatasetSplit.Test) > 0);
        Assert.Equal(0, result.Count(DatasetSplit.Validation));
        Assert.False(LeakageReport.For(result.Assignments).HasLeakage);
        Assert.StartsWith("4 patients are too few for a validation split", result.Warnings[0], StringComparison.Ordinal);
    }

    /// <summary>One patient per class: no split has training and test slices, so none is made.</summary>
    [Fact]
    public void SplitAsPatientsAllow_TooFewForAnySplit_LeavesEverySliceUnassigned()
    {
        var slices = Enumerable.Range(0, 4).Select(i => new SliceLabel(i, i < 2 ? "a" : "b", i < 2 ? "p1" : "p2")).ToList();

        var result = PatientGroupedSplitter.SplitAsPatientsAllow(slices);

        Assert.All(result.Assignments, a => Assert.Equal(DatasetSplit.Unassigned, a.Split));
        Assert.Equal([PatientGroupedSplitter.TooFewPatients(2)], result.Warnings);
        Assert.False(LeakageReport.For(result.Assignments).HasLeakage);
    }

    [Fact]
    public void Split_StratifiesClassProportionsWithinTolerance()
    {
        var slices = MultiSlicePatients();

        var result = PatientGroupedSplitter.Split(slices);

        foreach (var byClass in result.Assignments.GroupBy(a => a.ClassLabel))
        {
            double total = byClass.Count();
            Assert.InRange(byClass.Count(a => a.Split == DatasetSplit.Train) / total, 0.65, 0.75);
            Assert.InRange(byClass.Count(a => a.Split == DatasetSplit.Validation) / total, 0.11, 0.19);
            Assert.InRange(byClass.Count(a => a.Split == DatasetSplit.Test) / total, 0.11, 0.19);
        }
    }

    [Fact]
    public void Split_HonoursCustomRatios()
    {
        var result = PatientGroupedSplitter.Split(MultiSlicePatients(), ratios: new SplitRatios(0.5, 0, 0.5));

        Assert.Equal(0, result.Count(DatasetSplit.Validation));
        Assert.InRange(result.Count(DatasetSplit.Train) / (double)result.Assignments.Count, 0.45, 0.55);
    }

    [Fact]
    public void Split_IsDeterministicPerSeed()
    {
        var slices = MultiSlicePatients();

        var a = PatientGroupedSplitter.Split(slices, seed: 7).Assignments;
        var b = PatientGroupedSplitter.Split(slices, seed: 7).Assignments;
        var c = PatientGroupedSplitter.Split(slices, seed: 8).Assignments;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Split_PaperRandomLeaksPatientsAndSaysSo()
    {
        var slices = MultiSlicePatients();

        var result = PatientGroupedSplitter.Split(slices, SplitPreset.PaperRandom, seed: 1);
        var report = LeakageReport.For(result.Assignments);

        Assert.Equal([PatientGroupedSplitter.LeakageWarning], result.Warnings);
        Assert.True(report.HasLeakage);
        Assert.True(report.SharedPatients.Count > 10, $"{report.SharedPatients.Count} shared patients");
        var shared = report.SharedPatients[0];
        Assert.Equal(
            result.Assignments.Where(a => a.PatientId == shared.PatientId).Select(a => a.Split).Distinct().Order(),
            shared.Splits);
        Assert.InRange(result.Count(DatasetSplit.Train), (int)(0.69 * slices.Count), (int)(0.71 * slices.Count) + 1);
    }

    [Fact]
    public void Split_WarnsWhenAClassHasTooFewPatients()
    {
        var slices = new List<SliceLabel> { new(0, "a", "p1"), new(1, "a", "p1") };
        slices.AddRange(Enumerable.Range(2, 7).Select(i => new SliceLabel(i, "b", $"q{i}")));

        var result = PatientGroupedSplitter.Split(slices);

        Assert.Equal(["Class 'a' has 1 patient(s), too few to reach every split: Validation, Test get(s) none of its slices."], result.Warnings);
    }

    [Fact]
    public void Split_RejectsInvalidRatios()
    {
        var e = Assert.Throws<ArgumentException>(() => PatientGroupedSplitter.Split(MultiSlicePatients(), ratios: new SplitRatios(0.8, 0.2, 0.2)));

        Assert.Equal("Split ratios 0.8/0.2/0.2 are invalid: each must be non-negative, train positive, and they must sum to 1.", e.Message);
    }

    [Fact]
    public void Split_RejectsEmptyInputAndDuplicateIndices()
    {
        Assert.StartsWith("There are no slices to split.", Assert.Throws<ArgumentException>(() => PatientGroupedSplitter.Split([])).Message);
        Assert.StartsWith(
            "Slice indices must be unique.",
            Assert.Throws<ArgumentException>(() => PatientGroupedSplitter.Split([new(1, "a", "p"), new(1, "b", "q")])).Message);
    }

    [Fact]
    public void LeakageReport_IsEmptyWithoutSharedPatients()
    {
        var report = LeakageReport.For([new(0, "a", "p1", DatasetSplit.Train), new(1, "a", "p2", DatasetSplit.Test)]);

        Assert.False(report.HasLeakage);
        Assert.Equal(0, report.LeakedSliceCount);
    }

    /// <summary>Three classes, 240 patients with 1 to 8 slices each, like the figshare data (233 patients, 3064 slices).</summary>
    private static List<SliceLabel> MultiSlicePatients()
    {
        var slices = new List<SliceLabel>();
        var random = new Random(42);
        string[] classes = ["glioma", "meningioma", "pituitary"];
        for (var p = 0; p < 240; p++)
        {
            var count = random.Next(1, 9);
            for (var s = 0; s < count; s++)
            {
                slices.Add(new SliceLabel(slices.Count, classes[p % 3], $"P{p:000}"));
            }
        }

        return slices;
    }
}
