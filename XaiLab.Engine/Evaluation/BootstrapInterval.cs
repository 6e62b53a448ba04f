namespace XaiLab.Engine.Evaluation;

/// <summary>An observed statistic and its bootstrap confidence interval.</summary>
public sealed record BootstrapInterval(double Estimate, double Lower, double Upper);
