namespace XaiLab.Engine.Datasets.Images;

/// <summary>Image file formats the dataset readers accept.</summary>
public enum ImageFileFormat
{
    Png,
    Jpeg,
    Bmp,

    /// <summary>Baseline TIFF, uncompressed strips only.</summary>
    Tiff,
}
