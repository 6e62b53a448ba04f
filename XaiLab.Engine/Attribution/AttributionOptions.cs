namespace XaiLab.Engine.Attribution;

/// <summary>
/// Options shared by the registry's methods; null leaves each method's own documented default (e.g. IG 25 steps as the
/// paper, Blur IG 100, Guided IG 200, XRAI 100).
/// </summary>
/// <param name="Steps">Path steps of the integrated-gradient family.</param>
/// <param name="InternalBatchSize">Inputs per model call (memory only, never the result).</param>
/// <param name="Seed">Seed of any noise (SmoothGrad samples, noise baselines). Default 1.</param>
/// <param name="SmoothGradSamples">Noisy samples of the SmoothGrad wrapper (default 25).</param>
/// <param name="SmoothGradMagnitude">SmoothGrad averages squared maps (default false: plain maps).</param>
/// <param name="Baseline">Integrated Gradients' reference input (default zeros, the paper's).</param>
/// <param name="IntegrationRule">Integrated Gradients' discretisation (default PAIR's linspace with both ends).</param>
public sealed record AttributionOptions(
    int? Steps = null,
    int? InternalBatchSize = null,
    int Seed = 1,
    int? SmoothGradSamples = null,
    bool SmoothGradMagnitude = false,
    IntegratedGradientsBaseline Baseline = IntegratedGradientsBaseline.Zeros,
    IntegrationRule IntegrationRule = IntegrationRule.PairLinspace);
