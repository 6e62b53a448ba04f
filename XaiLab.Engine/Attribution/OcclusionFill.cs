namespace XaiLab.Engine.Attribution;

/// <summary>What an occluded window is filled with.</summary>
public enum OcclusionFill
{
    /// <summary>Zero, the paper's IG baseline and captum's default. Default.</summary>
    Zero,

    /// <summary>The mean of the input image (per channel): a fill that does not read as "black".</summary>
    ImageMean,
}
