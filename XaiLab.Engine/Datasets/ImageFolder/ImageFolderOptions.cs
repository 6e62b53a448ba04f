namespace XaiLab.Engine.Datasets.ImageFolder;

/// <summary>Layout settings for <see cref="ImageFolderReader"/>.</summary>
public sealed record ImageFolderOptions
{
    /// <summary>The defaults below.</summary>
    public static ImageFolderOptions Default { get; } = new();

    /// <summary>
    /// Top folder holding masks under the same relative paths as the images (<c>masks/glioma/a.png</c> for
    /// <c>glioma/a.png</c>); it is not a class. Default <c>masks</c>.
    /// </summary>
    public string MasksFolder { get; init; } = "masks";

    /// <summary>
    /// CSV at the root with the header <c>file,patient_id</c> and an optional third column <c>label</c>; <c>file</c> is the
    /// image path relative to the root. Default <c>labels.csv</c>; ignored when absent.
    /// </summary>
    public string LabelsCsv { get; init; } = "labels.csv";
}
