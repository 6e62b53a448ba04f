namespace XaiLab.Engine.Attribution;

/// <summary>
/// Options shared by the registry's methods; null leaves each method's own documented default (e.g. IG 25 steps as the
/// paper, Blur IG 100, Guided IG 200, XRAI 100).
/// </summary>
/// <param name="Steps">Path steps of the integrated-gradient family.</param>
/// <param name="InternalBatchSize">
/// Inputs per model call (memory and speed only, never the result beyond float rounding): path points of the IG family
/// and XRAI, SmoothGrad's noisy samples, occlusion windows. Default <see cref="DefaultInternalBatchSize"/> (occlusion 32).
/// </param>
/// <param name="Seed">Seed of any noise (SmoothGrad samples, noise baselines). Default 1.</param>
/// <param name="SmoothGradSamples">Noisy samples of the SmoothGrad wrapper (default 25).</param>
/// <param name="SmoothGradMagnitude">SmoothGrad averages squared maps (default true, PAIR's and the paper's; false: the signed mean).</param>
/// <param name="Baseline">Integrated Gradients' reference input (default zeros, the paper's).</param>
/// <param name="IntegrationRule">Integrated Gradients' discretisation (default PAIR's linspace with both ends).</param>
public sealed record AttributionOptions(
    int? Steps = null,
    int? InternalBatchSize = null,
    int Seed = 1,
    int? SmoothGradSamples = null,
    bool SmoothGradMagnitude = true,
    IntegratedGradientsBaseline Baseline = IntegratedGradientsBaseline.Zeros,
    IntegrationRule IntegrationRule = IntegrationRule.PairLinspace)
{
    /// <summary>
    /// Inputs per model call when none is given: 16. On this project's 2-core CPU a DenseNet121 forward+backward at 224
    /// costs about 6x less per image in batches of 16 than one image at a time, and 32 gains nothing more while doubling
    /// the activation memory (about 1.5 GB at 224); see docs/performance.md.
    /// </summary>
    public const int DefaultInternalBatchSize = 16;
}
