namespace XaiLab.Engine.Attribution;

/// <summary>The reference input x' that <see cref="IntegratedGradients"/> integrates from (in preprocessed space).</summary>
public enum IntegratedGradientsBaseline
{
    /// <summary>All zeros (the paper's and PAIR saliency's choice). After z-scoring this is the dataset mean. Default.</summary>
    Zeros,

    /// <summary>Every value set to the input's minimum: the darkest pixel of this image.</summary>
    Black,

    /// <summary>Every value set to the input's maximum: the brightest pixel of this image.</summary>
    White,

    /// <summary>Independent uniform noise between the input's minimum and maximum, from a seeded generator.</summary>
    UniformNoise,

    /// <summary>
    /// The input blurred by a Gaussian of <see cref="IntegratedGradients.BlurSigma"/> pixels per channel (zero padding, as
    /// scipy's <c>gaussian_filter(mode='constant')</c>): the "blurred" baseline of Sturmfels, Lundberg and Lee 2020,
    /// "Visualizing the Impact of Feature Attribution Baselines" (Distill), which keeps the image's low frequencies.
    /// </summary>
    Blurred,
}
