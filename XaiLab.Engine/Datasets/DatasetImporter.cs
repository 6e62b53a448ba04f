using XaiLab.Engine.Datasets.Covid;
using XaiLab.Engine.Datasets.Dicom;
using XaiLab.Engine.Datasets.Figshare;
using XaiLab.Engine.Datasets.ImageFolder;
using XaiLab.Engine.Datasets.Nifti;
using XaiLab.Engine.Datasets.Sources;

namespace XaiLab.Engine.Datasets;

/// <summary>
/// One entry point for every supported layout: opens a folder or ZIP, detects or takes its <see cref="DatasetFormat"/>,
/// and streams <see cref="ImportedSlice"/>s from the matching reader. Because figshare labels are only known once each
/// file is read, the checks for an empty dataset and for a single class run as the stream ends: a consumer must treat the
/// import as failed (and discard what it stored) when enumeration throws.
/// </summary>
public static class DatasetImporter
{
    /// <summary>Streams the slices of the dataset at <paramref name="path"/>.</summary>
    /// <param name="path">Folder or <c>.zip</c>.</param>
    /// <param name="options">Settings; <see cref="ImportOptions.Default"/> when null.</param>
    /// <exception cref="DatasetImportException">Any invalid input; the message names the file.</exception>
    public static IEnumerable<ImportedSlice> Read(string path, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        using var tree = DatasetFileTree.Open(path, options.Limits);
        var format = options.Format == DatasetFormat.Auto ? DatasetFormatDetector.Detect(tree) : options.Format;
        var slices = format switch
        {
            DatasetFormat.Figshare => new FigshareArchiveReader(options.Limits, options.NegativeIntensities).Read(tree).Select(s => s.ToImportedSlice()),
            DatasetFormat.CovidRadiography => new CovidRadiographyReader(options.Limits).Read(tree, options.CovidClasses),
            DatasetFormat.ImageFolder => new ImageFolderReader(options.Limits, options.ImageFolder).Read(tree),
            DatasetFormat.Dicom => new DicomDatasetReader(options.Limits, options.Dicom, options.Notices).Read(tree),
            DatasetFormat.Nifti => new NiftiDatasetReader(options.Limits, options.Nifti, options.Notices).Read(tree),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Format, "Unknown dataset format."),
        };

        var classes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            classes.Add(slice.ClassName);
            yield return slice;
        }

        if (classes.Count == 0)
        {
            throw new DatasetImportException($"{tree.Name} holds no slices; the dataset is empty.");
        }

        if (classes.Count == 1)
        {
            throw new DatasetImportException($"{tree.Name} has slices of only one class ('{classes.First()}'); a classifier needs at least two.");
        }
    }
}
