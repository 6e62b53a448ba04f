using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Figshare;

/// <summary>One figshare brain-tumour slice with everything its <c>.mat</c> file holds, in row-major image order.</summary>
/// <param name="SourceName">File or archive entry the slice came from.</param>
/// <param name="TumorClass">From <c>cjdata.label</c>.</param>
/// <param name="PatientId">From <c>cjdata.PID</c> (MATLAB char, stored as uint16 code units).</param>
/// <param name="Image">From <c>cjdata.image</c> (int16), transposed to row-major, <see cref="SliceImage.BitDepth"/> 16.</param>
/// <param name="Mask">From <c>cjdata.tumorMask</c>, transposed to row-major.</param>
/// <param name="Border">From <c>cjdata.tumorBorder</c>, with the axis order derived against the mask.</param>
/// <param name="ClampedNegativeCount">Negative samples set to 0 under <see cref="NegativeIntensityPolicy.ClampToZero"/>.</param>
public sealed record FigshareSlice(
    string SourceName,
    FigshareTumorClass TumorClass,
    string PatientId,
    SliceImage Image,
    BinaryMask Mask,
    BorderAlignment Border,
    int ClampedNegativeCount)
{
    /// <summary>Class name used in <see cref="ImportedSlice.ClassName"/>: <c>meningioma</c>, <c>glioma</c> or <c>pituitary</c>.</summary>
    public string ClassName => TumorClass.ToString().ToLowerInvariant();

    /// <summary>The common reader output.</summary>
    public ImportedSlice ToImportedSlice() => new(SourceName, ClassName, PatientId, Image, Mask);
}
