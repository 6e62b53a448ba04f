namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// What a NIfTI volume or DICOM series says about a slice: the voxel axis it was cut along and its position there (of
/// count), the mapping from the stored 16-bit values to physical ones (physical = stored * valueScale + valueOffset),
/// the source's default window in physical units, and the volume file or series it came from.
/// </summary>
public sealed record SliceMetadataResponse(int? Axis, int? Position, int? Count, double? ValueScale, double? ValueOffset,
    double? WindowCenter, double? WindowWidth, string? Series);
