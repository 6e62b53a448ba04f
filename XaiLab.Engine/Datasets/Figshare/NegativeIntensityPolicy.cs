namespace XaiLab.Engine.Datasets.Figshare;

/// <summary>
/// What to do with negative <c>int16</c> samples, which <see cref="Imaging.SliceImage"/>'s unsigned pixels cannot hold.
/// MR magnitude images are non-negative; negative values are reconstruction noise in the background.
/// </summary>
public enum NegativeIntensityPolicy
{
    /// <summary>Set them to 0 and report how many in <see cref="FigshareSlice.ClampedNegativeCount"/> (the default).</summary>
    ClampToZero,

    /// <summary>Refuse the slice with a <see cref="DatasetImportException"/>.</summary>
    Reject,
}
