namespace XaiLab.Engine.Embeddings;

/// <summary>A fitted principal component analysis.</summary>
/// <param name="Projection">The centred points in component coordinates, row-major <c>[rows, components]</c>.</param>
/// <param name="Components">Unit principal axes, row-major <c>[components, columns]</c>, by decreasing variance; each
/// axis' largest-magnitude coefficient is positive (scikit-learn's <c>svd_flip</c> on the axes).</param>
/// <param name="Mean">The per-feature mean that was subtracted, length <c>columns</c>.</param>
/// <param name="ExplainedVariance">Variance along each axis (divided by <c>rows - 1</c>), decreasing.</param>
public sealed record PcaResult(float[] Projection, float[] Components, float[] Mean, double[] ExplainedVariance)
{
    /// <summary>Number of components kept.</summary>
    public int ComponentCount => ExplainedVariance.Length;
}
