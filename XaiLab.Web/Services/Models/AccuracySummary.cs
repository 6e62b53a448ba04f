namespace XaiLab.Web.Services.Models;

/// <summary>Test accuracy of one architecture on one dataset over its succeeded runs.</summary>
/// <param name="Mean">Mean accuracy, 0..1.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1); 0 for a single run.</param>
/// <param name="Runs">Number of succeeded runs.</param>
public sealed record AccuracySummary(double Mean, double StandardDeviation, int Runs)
{
    public static AccuracySummary Of(IReadOnlyCollection<double> accuracies)
    {
        ArgumentOutOfRangeException.ThrowIfZero(accuracies.Count);
        var mean = accuracies.Average();
        var sd = accuracies.Count > 1
            ? Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / (accuracies.Count - 1))
            : 0;
        return new AccuracySummary(mean, sd, accuracies.Count);
    }
}
