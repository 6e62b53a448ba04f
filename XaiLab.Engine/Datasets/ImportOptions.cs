using XaiLab.Engine.Datasets.Covid;
using XaiLab.Engine.Datasets.Dicom;
using XaiLab.Engine.Datasets.Figshare;
using XaiLab.Engine.Datasets.ImageFolder;
using XaiLab.Engine.Datasets.Nifti;

namespace XaiLab.Engine.Datasets;

/// <summary>Settings for <see cref="DatasetImporter"/>.</summary>
public sealed record ImportOptions
{
    /// <summary>The defaults below.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>Layout of the upload. Default <see cref="DatasetFormat.Auto"/> (see <see cref="DatasetFormatDetector"/>).</summary>
    public DatasetFormat Format { get; init; } = DatasetFormat.Auto;

    /// <summary>Bounds for archives and images. Default <see cref="ImportLimits.Default"/>.</summary>
    public ImportLimits Limits { get; init; } = ImportLimits.Default;

    /// <summary>COVID-19 Radiography class folders to import; null for all. Default <see cref="CovidClassPresets.Paper"/>.</summary>
    public IReadOnlyList<string>? CovidClasses { get; init; } = CovidClassPresets.Paper;

    /// <summary>Layout of an image-folder dataset. Default <see cref="ImageFolderOptions.Default"/>.</summary>
    public ImageFolderOptions ImageFolder { get; init; } = ImageFolderOptions.Default;

    /// <summary>Privacy settings of a DICOM dataset. Default <see cref="DicomOptions.Default"/> (PatientID kept as is).</summary>
    public DicomOptions Dicom { get; init; } = DicomOptions.Default;
    /// <summary>
    /// Layout and slicing of a NIfTI dataset. Default <see cref="NiftiOptions.Default"/>: cut along the third voxel axis,
    /// keep the slices that touch the mask (or, without one, hold any non-zero voxel), refuse 4-D series.
    /// </summary>
    public NiftiOptions Nifti { get; init; } = NiftiOptions.Default;

    /// <summary>Negative figshare intensities. Default <see cref="NegativeIntensityPolicy.ClampToZero"/>.</summary>
    public NegativeIntensityPolicy NegativeIntensities { get; init; } = NegativeIntensityPolicy.ClampToZero;

    /// <summary>
    /// Where readers report what they left out without failing the import (a DICOM file in a compressed transfer
    /// syntax, …); default null = not collected. The caller shows them with the dataset.
    /// </summary>
    public ImportNotices? Notices { get; init; }
}
