namespace XaiLab.Web.Apis.Contracts;

/// <summary>External accuracy minus the run's test accuracy, with its 95% unpaired bootstrap interval (2,000 resamples of
/// each set's per-slice correctness, seed 1).</summary>
public sealed record AccuracyDifferenceResponse(double Internal, double External, double Difference, double Lower, double Upper);
