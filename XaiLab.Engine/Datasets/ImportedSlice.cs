using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets;

/// <summary>
/// One slice as every dataset reader yields it, whatever the source format.
/// </summary>
/// <param name="SourceName">Where the slice came from, relative to the dataset root (a file or archive entry path).</param>
/// <param name="ClassName">The class label as the dataset names it (for example <c>glioma</c>, <c>COVID</c>).</param>
/// <param name="PatientId">Grouping key for patient-level splits; readers whose dataset has none document their fallback.</param>
/// <param name="Image">The grayscale slice, row-major.</param>
/// <param name="Mask">The expert mask (tumour, lungs) resized to the image, or null when the dataset has none for this slice.</param>
/// <param name="Metadata">Where the slice sits in its volume or series and how its stored values map to physical ones;
/// null for 2-D formats.</param>
public sealed record ImportedSlice(string SourceName, string ClassName, string PatientId, SliceImage Image, BinaryMask? Mask,
    SliceMetadata? Metadata = null);
