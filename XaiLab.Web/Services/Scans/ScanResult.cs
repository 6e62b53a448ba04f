namespace XaiLab.Web.Services.Scans;

/// <summary>What the scan's job found (<c>scans/{token}/result.json</c>): the run's probabilities and each map's shape.</summary>
public sealed record ScanResult(float[] Probabilities, int Predicted, IReadOnlyList<ScanResultMap> Maps);
