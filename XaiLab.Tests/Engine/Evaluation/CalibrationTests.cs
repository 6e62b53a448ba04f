using XaiLab.Engine.Evaluation;

namespace XaiLab.Tests.Engine.Evaluation;

public class CalibrationTests
{
    [Fact]
    public void Compute_MatchesAHandComputation()
    {
        // Confidences 0.95 (right), 0.95 (wrong), 0.55 (right), 0.50 (wrong) in 2 bins [0, 0.5], (0.5, 1]:
        // bin 1: 1 sample, confidence 0.5, accuracy 0 -> |0 - 0.5| = 0.5
        // bin 2: 3 samples, confidence (0.95 + 0.95 + 0.55) / 3 = 0.81667, accuracy 2/3 -> 0.15
        // ECE = 1/4 * 0.5 + 3/4 * 0.15 = 0.2375
        int[] labels = [0, 1, 1, 1];
        float[][] probabilities = [[0.95f, 0.05f], [0.95f, 0.05f], [0.45f, 0.55f], [0.5f, 0.5f]];

        var report = Calibration.Compute(labels, probabilities, bins: 2);

        Assert.Equal(2, report.Bins.Count);
        Assert.Equal((0.0, 0.5, 1), (report.Bins[0].Lower, report.Bins[0].Upper, report.Bins[0].Count));
        Assert.Equal(0.5, report.Bins[0].Confidence!.Value, 6);
        Assert.Equal(0.0, report.Bins[0].Accuracy!.Value, 12);
        Assert.Equal((0.5, 1.0, 3), (report.Bins[1].Lower, report.Bins[1].Upper, report.Bins[1].Count));
        Assert.Equal((0.95 + 0.95 + 0.55) / 3, report.Bins[1].Confidence!.Value, 6);
        Assert.Equal(2 / 3.0, report.Bins[1].Accuracy!.Value, 12);
        Assert.Equal(0.2375, report.ExpectedCalibrationError, 6);
    }

    [Fact]
    public void Compute_KeepsEmptyBinsWithoutValues()
    {
        var report = Calibration.Compute([0, 0], [[1f, 0f], [1f, 0f]]);

        Assert.Equal(Calibration.DefaultBins, report.Bins.Count);
        Assert.All(report.Bins.Take(14), b => Assert.Equal((0, (double?)null, (double?)null), (b.Count, b.Confidence, b.Accuracy)));
        Assert.Equal(2, report.Bins[14].Count);
        Assert.Equal(1.0, report.Bins[14].Upper);
        Assert.Equal(0, report.ExpectedCalibrationError, 12);
    }

    [Fact]
    public void Compute_PerfectlyOverconfidentModel_HasErrorOfItsConfidence()
    {
        // Always 90% sure and always wrong: ECE = |0 - 0.9|.
        var report = Calibration.Compute([1, 1, 1], [[0.9f, 0.1f], [0.9f, 0.1f], [0.9f, 0.1f]]);

        Assert.Equal(0.9, report.ExpectedCalibrationError, 6);
    }

    /// <summary>scikit-learn 1.2.1's calibration_curve(strategy="uniform", n_bins=15) on correctness against confidence;
    /// numbers from scripts/calibration-reference/calibration_reference.py (its output is checked in beside it).</summary>
    [Fact]
    public void Compute_MatchesScikitLearnCalibrationCurve()
    {
        var report = Calibration.Compute(ReferenceLabels, ReferenceProbabilities);

        Assert.Equal([0, 0, 0, 0, 0, 0, 5, 5, 4, 4, 4, 2, 10, 1, 5], report.Bins.Select(b => b.Count));
        var filled = report.Bins.Where(b => b.Count > 0).ToList();
        double[] accuracy = [0.8, 0.8, 0.25, 0.5, 1.0, 1.0, 0.6, 1.0, 1.0];
        double[] confidence = [0.4178000032901764, 0.4891999900341034, 0.5699999928474426, 0.6417500078678131, 0.7160000056028366,
            0.7860000133514404, 0.8214999973773957, 0.8690000176429749, 0.9823999881744385];
        for (var i = 0; i < filled.Count; i++)
        {
            Assert.Equal(accuracy[i], filled[i].Accuracy!.Value, 12);
            Assert.Equal(confidence[i], filled[i].Confidence!.Value, 12);
        }
        Assert.Equal(0.23275000005960467, report.ExpectedCalibrationError, 12);
    }

    [Fact]
    public void Compute_RefusesMismatchedInputs()
    {
        Assert.Throws<ArgumentException>(() => Calibration.Compute([0, 1], [[1f, 0f]]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.FromConfidences([1.5], [true]));
    }

    private static readonly int[] ReferenceLabels =
        [1, 1, 2, 1, 0, 1, 2, 1, 2, 2, 0, 1, 2, 0, 2, 0, 0, 2, 1, 2, 2, 1, 2, 2, 1, 1, 1, 1, 0, 2, 1, 2, 1, 2, 1, 1, 0, 0, 1, 0];

    private static readonly float[][] ReferenceProbabilities =
    [
        [0.272f, 0.400f, 0.329f], [0.016f, 0.982f, 0.002f], [0.337f, 0.638f, 0.025f], [0.017f, 0.181f, 0.801f],
        [0.712f, 0.057f, 0.231f], [0.663f, 0.284f, 0.052f], [0.048f, 0.235f, 0.716f], [0.012f, 0.852f, 0.136f],
        [0.005f, 0.004f, 0.991f], [0.817f, 0.097f, 0.086f], [0.781f, 0.006f, 0.213f], [0.536f, 0.000f, 0.464f],
        [0.594f, 0.103f, 0.303f], [0.408f, 0.281f, 0.311f], [0.007f, 0.388f, 0.605f], [0.432f, 0.081f, 0.487f],
        [0.869f, 0.054f, 0.077f], [0.271f, 0.255f, 0.475f], [0.010f, 0.163f, 0.827f], [0.001f, 0.002f, 0.997f],
        [0.046f, 0.150f, 0.804f], [0.419f, 0.194f, 0.387f], [0.195f, 0.144f, 0.661f], [0.473f, 0.039f, 0.488f],
        [0.339f, 0.411f, 0.250f], [0.117f, 0.494f, 0.389f], [0.014f, 0.576f, 0.410f], [0.863f, 0.135f, 0.002f],
        [0.955f, 0.044f, 0.001f], [0.466f, 0.031f, 0.502f], [0.068f, 0.800f, 0.132f], [0.118f, 0.091f, 0.791f],
        [0.005f, 0.723f, 0.272f], [0.190f, 0.574f, 0.236f], [0.142f, 0.826f, 0.032f], [0.304f, 0.451f, 0.246f],
        [0.824f, 0.031f, 0.145f], [0.987f, 0.007f, 0.005f], [0.223f, 0.713f, 0.064f], [0.801f, 0.039f, 0.160f],
    ];
}
