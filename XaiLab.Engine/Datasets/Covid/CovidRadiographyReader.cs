using XaiLab.Engine.Datasets.Images;
using XaiLab.Engine.Datasets.Sources;
using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Covid;

/// <summary>
/// Streams the COVID-19 Radiography Database from a folder or ZIP. Later releases have
/// <c>&lt;Class&gt;/images/*.png</c> with optional lung masks in <c>&lt;Class&gt;/masks/</c> under the same file name
/// (256x256 for 299x299 images: resampled nearest-neighbour to the image size); older releases put the PNGs directly in
/// the class folder, without masks. RGB images become gray (<see cref="Luminance"/>). Files beside the class folders
/// (the metadata spreadsheets, README) are ignored.
/// <para>
/// The database has no patient identifiers, so each image is its own patient: <see cref="ImportedSlice.PatientId"/> is
/// the file stem (<c>COVID-17</c>). Patient-grouped splits therefore reduce to image-level splits; any duplicate images of
/// one person across classes or splits cannot be detected from the metadata (see <c>ContentHash</c> for exact duplicates).
/// </para>
/// </summary>
public sealed class CovidRadiographyReader
{
    private readonly ImportLimits limits;

    /// <param name="limits">Bounds for archives and images; <see cref="ImportLimits.Default"/> when null.</param>
    public CovidRadiographyReader(ImportLimits? limits = null)
    {
        this.limits = limits ?? ImportLimits.Default;
    }

    /// <summary>Streams the selected classes of the dataset at <paramref name="path"/> (folder or <c>.zip</c>).</summary>
    /// <param name="path">Dataset root.</param>
    /// <param name="classes">Class folder names to import; all class folders found when null. See <see cref="CovidClassPresets"/>.</param>
    public IEnumerable<ImportedSlice> Read(string path, IReadOnlyCollection<string>? classes = null)
    {
        using var tree = DatasetFileTree.Open(path, limits);
        foreach (var slice in Read(tree, classes))
        {
            yield return slice;
        }
    }

    /// <summary>Streams the selected classes of an opened tree; the tree stays owned by the caller.</summary>
    /// <exception cref="DatasetImportException">
    /// A selected class is missing, fewer than two classes have images, a file in <c>images/</c> is not an image, or a
    /// mask does not fit its image.
    /// </exception>
    public IEnumerable<ImportedSlice> Read(DatasetFileTree tree, IReadOnlyCollection<string>? classes = null)
    {
        var plan = Plan(tree, classes);
        foreach (var (className, imagePath, maskPath) in plan)
        {
            SliceImage image;
            using (var stream = tree.OpenRead(imagePath))
            {
                image = SliceImageDecoder.Decode(stream, imagePath, limits);
            }

            BinaryMask? mask = null;
            if (maskPath is not null)
            {
                using var stream = tree.OpenRead(maskPath);
                var maskImage = MaskConverter.FromImage(SliceImageDecoder.Decode(stream, maskPath, limits));
                mask = MaskConverter.FitTo(maskImage, image.Width, image.Height, allowResample: true, maskPath);
            }

            yield return new ImportedSlice(imagePath, className, Path.GetFileNameWithoutExtension(imagePath), image, mask);
        }
    }

    private static List<(string Class, string Image, string? Mask)> Plan(DatasetFileTree tree, IReadOnlyCollection<string>? classes)
    {
        var byClass = tree.Files
            .Where(f => f.Contains('/'))
            .GroupBy(f => f[..f.IndexOf('/')], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var selected = classes?.ToList() ?? byClass.Keys.Order(StringComparer.Ordinal).ToList();
        var missing = selected.Where(c => !byClass.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DatasetImportException(
                $"{tree.Name}: class folder(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} not found " +
                $"(found: {string.Join(", ", byClass.Keys.Order(StringComparer.Ordinal))}).");
        }

        var plan = new List<(string, string, string?)>();
        foreach (var className in selected)
        {
            var files = byClass[className];
            var nested = files.Any(f => f.StartsWith($"{className}/images/", StringComparison.Ordinal));
            var imageFolder = nested ? $"{className}/images/" : $"{className}/";
            foreach (var file in files.Where(f => f.StartsWith(imageFolder, StringComparison.Ordinal) && f.IndexOf('/', imageFolder.Length) < 0))
            {
                if (!ImageHeader.HasImageExtension(file))
                {
                    if (!nested)
                    {
                        continue;
                    }

                    throw new DatasetImportException($"{file} is not an image (expected PNG, JPEG, BMP or TIFF in {imageFolder}).");
                }

                var mask = $"{className}/masks/{file[imageFolder.Length..]}";
                plan.Add((className, file, nested && tree.Contains(mask) ? mask : null));
            }
        }

        var withImages = plan.Select(p => p.Item1).Distinct().ToList();
        if (withImages.Count == 0)
        {
            throw new DatasetImportException($"{tree.Name} holds no images in the selected class folders; the dataset is empty.");
        }

        if (withImages.Count < 2)
        {
            throw new DatasetImportException(
                $"{tree.Name} has images in only one class ('{withImages[0]}'); a classifier needs at least two.");
        }

        return plan;
    }
}
