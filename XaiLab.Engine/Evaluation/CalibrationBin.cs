namespace XaiLab.Engine.Evaluation;

/// <summary>One equal-width confidence bin of a <see cref="CalibrationReport"/>: samples whose top-class probability lies in
/// (<paramref name="Lower"/>, <paramref name="Upper"/>] (the first bin also holds 0).</summary>
/// <param name="Confidence">Mean top-class probability of the bin's samples; null for an empty bin.</param>
/// <param name="Accuracy">Share of the bin's samples whose top class is the true class; null for an empty bin.</param>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double? Confidence, double? Accuracy);
