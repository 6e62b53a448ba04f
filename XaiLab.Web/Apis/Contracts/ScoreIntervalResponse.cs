namespace XaiLab.Web.Apis.Contracts;

/// <summary>Mean of a score over slices with its 95% percentile-bootstrap interval and the number of defined values.</summary>
public sealed record ScoreIntervalResponse(double Mean, double Lower, double Upper, int N);
