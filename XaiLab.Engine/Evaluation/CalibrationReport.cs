namespace XaiLab.Engine.Evaluation;

/// <summary>How well a classifier's confidence matches its accuracy (<see cref="Calibration.Compute"/>).</summary>
/// <param name="ExpectedCalibrationError">Σ over bins of count / N · |accuracy − confidence| (Guo et al. 2017, eq. 3).</param>
/// <param name="Bins">Every bin, empty ones included, from the lowest confidence up.</param>
public sealed record CalibrationReport(double ExpectedCalibrationError, IReadOnlyList<CalibrationBin> Bins);
