using XaiLab.Engine.Evaluation;

namespace XaiLab.Web.Apis.Contracts;

/// <summary>Reliability of the top-class probability: 15 equal-width bins and ECE = Σ count/N · |accuracy − confidence|.</summary>
public sealed record CalibrationResponse(double ExpectedCalibrationError, IReadOnlyList<CalibrationBinResponse> Bins)
{
    public static CalibrationResponse From(CalibrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new CalibrationResponse(report.ExpectedCalibrationError,
            report.Bins.Select(b => new CalibrationBinResponse(b.Lower, b.Upper, b.Count, b.Confidence, b.Accuracy)).ToList());
    }
}
