namespace XaiLab.Engine.Datasets;

/// <summary>The on-disk dataset layouts the importer understands.</summary>
public enum DatasetFormat
{
    /// <summary>Let <see cref="DatasetFormatDetector"/> decide from the folder or ZIP listing.</summary>
    Auto,

    /// <summary>Figshare brain-tumour MRI (1512427): MATLAB v7.3 <c>.mat</c> files, loose or in (nested) ZIPs.</summary>
    Figshare,

    /// <summary>COVID-19 Radiography Database: class folders with <c>images/</c> and optional <c>masks/</c>, or flat.</summary>
    CovidRadiography,

    /// <summary>Generic layout: one folder per class, optional mask tree and patient CSV.</summary>
    ImageFolder,

    /// <summary>NIfTI-1/2 volumes (<c>.nii</c>, <c>.nii.gz</c>) in class folders, optional mask volumes, cut into slices.</summary>
    Nifti,

    /// <summary>DICOM files (any depth, with or without extension) in class folders.</summary>
    Dicom,
}
