namespace XaiLab.Engine.Datasets;

/// <summary>
/// What a 3-D source (a NIfTI volume, a DICOM series) says about one of its slices. Stored values are the 16-bit
/// samples of the slice's <see cref="Imaging.SliceImage"/>; a physical value (Hounsfield units, the scanner's scale) is
/// <c>stored * ValueScale + ValueOffset</c>. Fields a source does not have are null.
/// </summary>
/// <param name="Axis">The voxel axis the volume was cut along (0, 1 or 2).</param>
/// <param name="Position">The slice's index along <paramref name="Axis"/> (NIfTI) or its place in the series (DICOM, 0-based after ordering).</param>
/// <param name="Count">Slices along the axis in the whole volume or series.</param>
/// <param name="ValueScale">Physical value per stored unit.</param>
/// <param name="ValueOffset">Physical value of stored 0.</param>
/// <param name="WindowCenter">The source's default display window centre, in physical units (DICOM WindowCenter).</param>
/// <param name="WindowWidth">The source's default display window width, in physical units (DICOM WindowWidth).</param>
/// <param name="Series">The volume file or DICOM SeriesInstanceUID the slice belongs to.</param>
public sealed record SliceMetadata(
    int? Axis = null,
    int? Position = null,
    int? Count = null,
    double? ValueScale = null,
    double? ValueOffset = null,
    double? WindowCenter = null,
    double? WindowWidth = null,
    string? Series = null);
