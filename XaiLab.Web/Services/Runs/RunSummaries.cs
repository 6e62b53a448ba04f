using XaiLab.Web.Apis.Contracts;

namespace XaiLab.Web.Services.Runs;

/// <summary>Aggregates evaluated runs per architecture and dataset (mean ± sample sd over seeds).</summary>
public static class RunSummaries
{
    public static IReadOnlyList<RunSummary> ByArchitecture(IEnumerable<RunResponse> runs) =>
        runs.Where(r => r.Metrics is not null)
            .GroupBy(r => (r.Architecture, r.DatasetId))
            .Select(group =>
            {
                var accuracy = group.Select(r => r.Metrics!.Accuracy).ToList();
                var macroF1 = group.Select(r => r.Metrics!.MacroF1).ToList();
                var seconds = group.Where(r => r is { StartedAt: not null, FinishedAt: not null })
                    .Select(r => (r.FinishedAt!.Value - r.StartedAt!.Value).TotalSeconds).ToList();
                return new RunSummary(group.Key.Architecture, group.Key.DatasetId, accuracy.Count,
                    accuracy.Average(), SampleSd(accuracy), macroF1.Average(), SampleSd(macroF1),
                    seconds.Count == 0 ? null : seconds.Average());
            })
            .OrderByDescending(s => s.AccuracyMean)
            .ToList();

    /// <summary>Standard deviation with n − 1 in the denominator; null below two values.</summary>
    public static double? SampleSd(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return null;
        }
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
