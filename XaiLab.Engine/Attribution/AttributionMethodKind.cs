namespace XaiLab.Engine.Attribution;

/// <summary>The attribution methods XaiLab offers; any of them can also be wrapped in SmoothGrad.</summary>
public enum AttributionMethodKind
{
    VanillaGradient,
    IntegratedGradients,
    BlurIntegratedGradients,
    GuidedIntegratedGradients,
    Xrai,
    XraiTop30,
    GradCam,
    Occlusion,
}
