namespace XaiLab.Engine.Datasets.Scans;

/// <summary>What an uploaded scan turned out to be.</summary>
public enum ScanFormat
{
    /// <summary>PNG, JPEG or TIFF, decoded as the image-folder import decodes them.</summary>
    Image,

    /// <summary>One DICOM Part 10 file (the "DICM" preamble).</summary>
    Dicom,

    /// <summary>A NIfTI-1 or NIfTI-2 volume, <c>.nii</c> or <c>.nii.gz</c>.</summary>
    Nifti,
}
