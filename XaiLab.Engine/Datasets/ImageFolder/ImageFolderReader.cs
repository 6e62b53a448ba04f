using XaiLab.Engine.Datasets.Images;
using XaiLab.Engine.Datasets.Sources;
using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.ImageFolder;

/// <summary>
/// Streams a generic image dataset from a folder or ZIP: one top folder per class (subfolders allowed) with PNG, JPEG,
/// BMP or baseline TIFF images, 8 or 16 bits; an optional mask tree (<see cref="ImageFolderOptions.MasksFolder"/>) whose
/// masks must have their image's size; an optional CSV (<see cref="ImageFolderOptions.LabelsCsv"/>) giving each file's
/// patient and, optionally, its label (which then overrides the folder name, and lets images sit at the root).
/// Images the CSV does not list are their own patient: the patient id is the file stem.
/// </summary>
public sealed class ImageFolderReader
{
    private readonly ImportLimits limits;
    private readonly ImageFolderOptions options;

    /// <param name="limits">Bounds for archives and images; <see cref="ImportLimits.Default"/> when null.</param>
    /// <param name="options">Layout settings; <see cref="ImageFolderOptions.Default"/> when null.</param>
    public ImageFolderReader(ImportLimits? limits = null, ImageFolderOptions? options = null)
    {
        this.limits = limits ?? ImportLimits.Default;
        this.options = options ?? ImageFolderOptions.Default;
    }

    /// <summary>Streams the dataset at <paramref name="path"/> (folder or <c>.zip</c>).</summary>
    public IEnumerable<ImportedSlice> Read(string path)
    {
        using var tree = DatasetFileTree.Open(path, limits);
        foreach (var slice in Read(tree))
        {
            yield return slice;
        }
    }

    /// <summary>Streams an opened tree; the tree stays owned by the caller.</summary>
    /// <exception cref="DatasetImportException">
    /// A non-image in a class folder, a malformed CSV, a mask of the wrong shape, no images, or a single class.
    /// </exception>
    public IEnumerable<ImportedSlice> Read(DatasetFileTree tree)
    {
        foreach (var (file, className, patientId, maskPath) in Plan(tree))
        {
            SliceImage image;
            using (var stream = tree.OpenRead(file))
            {
                image = SliceImageDecoder.Decode(stream, file, limits);
            }

            BinaryMask? mask = null;
            if (maskPath is not null)
            {
                using var stream = tree.OpenRead(maskPath);
                var decoded = MaskConverter.FromImage(SliceImageDecoder.Decode(stream, maskPath, limits));
                mask = MaskConverter.FitTo(decoded, image.Width, image.Height, allowResample: false, maskPath);
            }

            yield return new ImportedSlice(file, className, patientId, image, mask);
        }
    }

    private List<(string File, string Class, string Patient, string? Mask)> Plan(DatasetFileTree tree)
    {
        var csv = PatientLabelsCsv.Read(tree, options.LabelsCsv);
        var maskPrefix = options.MasksFolder.TrimEnd('/') + "/";
        var plan = new List<(string, string, string, string?)>();
        foreach (var file in tree.Files)
        {
            if (file == options.LabelsCsv || file.StartsWith(maskPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var slash = file.IndexOf('/');
            var row = csv.GetValueOrDefault(file);
            if (slash < 0 && row?.Label is null)
            {
                continue;
            }

            if (!ImageHeader.HasImageExtension(file))
            {
                throw new DatasetImportException($"{file} is not an image (expected PNG, JPEG, BMP or TIFF in the class folders).");
            }

            var className = row?.Label ?? file[..slash];
            var patient = row?.PatientId ?? Path.GetFileNameWithoutExtension(file);
            plan.Add((file, className, patient, FindMask(tree, maskPrefix + file)));
        }

        var classes = plan.Select(p => p.Item2).Distinct().ToList();
        if (classes.Count == 0)
        {
            throw new DatasetImportException($"{tree.Name} holds no images in class folders; the dataset is empty.");
        }

        if (classes.Count < 2)
        {
            throw new DatasetImportException($"{tree.Name} has images in only one class ('{classes[0]}'); a classifier needs at least two.");
        }

        return plan;
    }

    private static string? FindMask(DatasetFileTree tree, string sameName)
    {
        if (tree.Contains(sameName))
        {
            return sameName;
        }

        var asPng = Path.ChangeExtension(sameName, ".png");
        return tree.Contains(asPng) ? asPng : null;
    }
}
