namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>A mean with its confidence interval.</summary>
/// <param name="Mean">The sample mean.</param>
/// <param name="Lower">Lower end of the interval.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="Count">Values the mean is over.</param>
public sealed record MeanInterval(double Mean, double Lower, double Upper, int Count);
