namespace XaiLab.Data.Entities;

/// <summary>Where a dataset's slices came from.</summary>
public enum DatasetSource
{
    Phantom,
    Figshare,
    CovidRadiography,
    ImageFolder,
    Nifti,
    Dicom,
}
