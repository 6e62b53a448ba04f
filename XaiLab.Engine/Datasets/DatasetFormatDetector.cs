using XaiLab.Engine.Datasets.Covid;
using XaiLab.Engine.Datasets.Dicom;
using XaiLab.Engine.Datasets.Images;
using XaiLab.Engine.Datasets.Nifti;
using XaiLab.Engine.Datasets.Sources;

namespace XaiLab.Engine.Datasets;

/// <summary>
/// Tells the layout of a dataset from its file listing and, for DICOM only, the first bytes of a few files (nothing is
/// decoded):
/// <list type="bullet">
/// <item>any <c>.nii</c> or <c>.nii.gz</c> volume, or a <c>.hdr</c> beside its <c>.img</c> (so that the reader refuses
/// the Analyze pair by name): <see cref="DatasetFormat.Nifti"/>, whatever else is there (sidecars, previews);</item>
/// <item><c>.mat</c> files, or ZIPs nested in the upload, and no images: <see cref="DatasetFormat.Figshare"/>;</item>
/// <item>images under <c>&lt;Class&gt;/images/</c>, or directly in at least two folders named like the COVID-19
/// Radiography classes (<see cref="CovidClassPresets.All"/>): <see cref="DatasetFormat.CovidRadiography"/>;</item>
/// <item>any other images in folders: <see cref="DatasetFormat.ImageFolder"/>;</item>
/// <item>no images and no <c>.mat</c> files, but the <c>DICM</c> marker at byte 128 of one of the first files in
/// folders (DICOM files often have no extension, so only their content tells; up to
/// <see cref="DicomDatasetReader.DetectionProbes"/> files are opened and 132 bytes read from each):
/// <see cref="DatasetFormat.Dicom"/>.</item>
/// </list>
/// </summary>
public static class DatasetFormatDetector
{
    /// <summary>Detects the format of the folder or <c>.zip</c> at <paramref name="path"/>.</summary>
    public static DatasetFormat Detect(string path, ImportLimits? limits = null)
    {
        using var tree = DatasetFileTree.Open(path, limits);
        return Detect(tree);
    }

    /// <summary>Detects the format of an opened tree; never returns <see cref="DatasetFormat.Auto"/>.</summary>
    /// <exception cref="DatasetImportException">No .mat files or images, or both mixed.</exception>
    public static DatasetFormat Detect(DatasetFileTree tree)
    {
        if (tree.Files.Any(f => NiftiDatasetReader.IsVolumeFile(f) || (HasExtension(f, ".hdr") && tree.Contains(f[..^4] + ".img"))))
        {
            return DatasetFormat.Nifti;
        }

        var hasMat = tree.Files.Any(f => HasExtension(f, ".mat") || HasExtension(f, ".zip"));
        var images = tree.Files.Where(ImageHeader.HasImageExtension).ToList();
        if (hasMat && images.Count > 0)
        {
            throw new DatasetImportException(
                $"{tree.Name} mixes .mat files or archives with images ({images[0]}); upload one dataset at a time.");
        }

        if (hasMat)
        {
            return DatasetFormat.Figshare;
        }

        if (images.Count == 0)
        {
            if (DicomDatasetReader.HasDicomFiles(tree))
            {
                return DatasetFormat.Dicom;
            }

            throw new DatasetImportException($"{tree.Name} holds no .mat files and no images; cannot tell its format.");
        }

        var nested = images.Any(f => f.Split('/') is [_, "images", _]);
        var covidFolders = images.Where(f => f.Split('/').Length == 2)
            .Select(f => f[..f.IndexOf('/')])
            .Distinct()
            .Count(c => CovidClassPresets.All.Contains(c, StringComparer.OrdinalIgnoreCase));
        return nested || covidFolders >= 2 ? DatasetFormat.CovidRadiography : DatasetFormat.ImageFolder;
    }

    private static bool HasExtension(string path, string extension) => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
}
