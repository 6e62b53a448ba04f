namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>One step of <see cref="CascadingRandomisation"/>: the map after the layers down to <paramref name="Layer"/> were re-initialised.</summary>
/// <param name="Layer">Name of the deepest (closest to the input) layer randomised so far, as in <c>named_modules</c>.</param>
/// <param name="LayersRandomised">How many parameterised layers are randomised, counted from the output.</param>
/// <param name="RankCorrelation">Spearman rank correlation with the trained model's map.</param>
/// <param name="Ssim">Structural similarity with the trained model's map.</param>
/// <param name="Map">The per-pixel map [H * W] of the randomised model.</param>
public sealed record RandomisationStep(string Layer, int LayersRandomised, double RankCorrelation, double Ssim, float[] Map);
