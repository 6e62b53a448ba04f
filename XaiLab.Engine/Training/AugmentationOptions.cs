namespace XaiLab.Engine.Training;

/// <summary>
/// Random transforms applied on the fly to training batches only (never to validation or test samples), seeded from the
/// training seed and the epoch so a resumed epoch sees the same transforms.
/// </summary>
/// <param name="HorizontalFlip">Mirror left-right with probability 0.5.</param>
/// <param name="VerticalFlip">Mirror top-bottom with probability 0.5.</param>
/// <param name="MaxRotationDegrees">Rotate by a uniform angle in [-max, max] about the centre (bilinear, zero fill); 0 = off.</param>
/// <param name="IntensityJitter">Scale by 1 + u and shift by v, u and v uniform in [-jitter, jitter] (standardised units); 0 = off.</param>
public sealed record AugmentationOptions(
    bool HorizontalFlip = true,
    bool VerticalFlip = true,
    double MaxRotationDegrees = 10,
    double IntensityJitter = 0.1)
{
    /// <summary>No augmentation (the paper's setting).</summary>
    public static AugmentationOptions None { get; } = new(false, false, 0, 0);

    /// <summary>Flips both ways, rotations up to 10 degrees, intensity jitter 0.1.</summary>
    public static AugmentationOptions Default { get; } = new();

    /// <summary>True when any transform is on.</summary>
    public bool Enabled => HorizontalFlip || VerticalFlip || MaxRotationDegrees > 0 || IntensityJitter > 0;
}
