using XaiLab.Engine.Datasets.Sources;

namespace XaiLab.Engine.Datasets.Nifti;

/// <summary>
/// Streams a NIfTI dataset from a folder or ZIP as 2-D slices, in the image-folder layout
/// (<see cref="ImageFolder.ImageFolderReader"/>) with volumes for images:
/// <list type="bullet">
/// <item><b>Layout.</b> One top folder per class holding single-file NIfTI-1/2 volumes,
/// <c>&lt;class&gt;/&lt;case&gt;.nii</c> or <c>.nii.gz</c>, at any depth. An optional mask volume of the same shape
/// sits at the same path under <see cref="NiftiOptions.MasksFolder"/> (<c>.nii</c> and <c>.nii.gz</c> may differ); a
/// voxel is in the mask when its value is non-zero (any label). Each volume is one patient, its path without the
/// extension (so that cases of the same name in different folders stay apart), unless
/// <see cref="NiftiOptions.LabelsCsv"/> (<see cref="PatientLabelsCsv"/>) names its patient and, optionally, its label,
/// which then overrides the folder and lets volumes sit at the root. Analyze-style <c>.hdr</c>/<c>.img</c> pairs are
/// refused; other files in class folders (dcm2niix's JSON sidecars, notes) are left out and reported in the
/// <see cref="ImportNotices"/>, as are volumes that yield no slice.</item>
/// <item><b>Slices.</b> Each volume is cut along voxel axis <see cref="NiftiOptions.Axis"/> (default 2, k); which
/// slices are kept is <see cref="NiftiOptions.Slices"/>: those touching the mask (the default for a volume with one),
/// those with any non-zero physical value (the default without), or all. A 4-D series yields the volume
/// <see cref="NiftiOptions.VolumeIndex"/> chooses, and its mask is read the same way.</item>
/// <item><b>Geometry.</b> Of the two axes left, the lower-numbered becomes image x (columns,
/// <see cref="Imaging.SliceImage.Width"/>) and the higher image y (rows): cutting along k gives x = i, y = j; along j,
/// x = i, y = k; along i, x = j, y = k. Each runs toward the patient's left, posterior or inferior: it is reversed when
/// the header's orientation (<see cref="NiftiHeader.AxisDirections"/>: the sform, else the qform) says the voxel axis's
/// largest RAS+ component is positive. That is the DICOM display convention (rows toward L in axial and coronal
/// images, toward P in sagittal ones; columns toward P in axial, toward I in coronal and sagittal images), so volumes
/// in the usual storage, i across, j front to back, k foot to head, give upright radiological slices whether they are
/// RAS (nibabel's canonical), LAS (dcm2niix, FSL) or LPS (ITK): axial slices with anterior at the top and the patient's
/// right on the image's left, coronal and sagittal ones with superior at the top, sagittal with anterior on the left. A
/// volume stored in another axis order is not transposed (its axes are flipped by the same rule, but x and y follow the
/// voxel order), and one with neither qform nor sform keeps voxel order (x ascending from the left, y ascending from
/// the top row), since it says nothing about where the patient is.</item>
/// <item><b>Intensities.</b> Per volume, physical values (<c>raw * scl_slope + scl_inter</c>, or raw when scl_slope is
/// 0) are mapped linearly from the volume's finite [min, max] to the 16-bit store:
/// <c>stored = round((v - min) * 65535 / (max - min))</c>. <see cref="SliceMetadata.ValueScale"/> is
/// <c>(max - min) / 65535</c> and <see cref="SliceMetadata.ValueOffset"/> is <c>min</c>, so
/// <c>physical = stored * ValueScale + ValueOffset</c> within half a ValueScale. A constant volume stores 0 (ValueScale
/// 1, ValueOffset its value); NaN and infinite voxels store 0 and count as zero. One mapping per volume keeps its
/// slices comparable with each other. The metadata also gives <see cref="SliceMetadata.Axis"/>,
/// <see cref="SliceMetadata.Position"/> (the voxel index along the axis), <see cref="SliceMetadata.Count"/> (the
/// volume's size along it) and <see cref="SliceMetadata.Series"/> (the volume's path, also the slice's
/// <see cref="ImportedSlice.SourceName"/>).</item>
/// </list> Everything about a volume and its mask is checked before any of its slices is yielded
/// (<see cref="NiftiVolume.Read"/>: datatype, shape, limits, truncation), and everything about the layout before the
/// first volume is read; a failure is a <see cref="DatasetImportException"/> naming the file, after which nothing more
/// is yielded.
/// </summary>
public sealed class NiftiDatasetReader
{
    private readonly ImportLimits limits;
    private readonly NiftiOptions options;
    private readonly ImportNotices? notices;

    /// <param name="limits">Bounds for archives and volumes; <see cref="ImportLimits.Default"/> when null.</param>
    /// <param name="options">Layout and slicing; <see cref="NiftiOptions.Default"/> when null.</param>
    /// <param name="notices">Where files and volumes left out are reported; null to not collect them.</param>
    /// <exception cref="ArgumentOutOfRangeException">An axis other than 0, 1 or 2, or a negative volume
    /// index.</exception>
    public NiftiDatasetReader(ImportLimits? limits = null, NiftiOptions? options = null, ImportNotices? notices = null)
    {
        this.limits = limits ?? ImportLimits.Default;
        this.options = options ?? NiftiOptions.Default;
        this.notices = notices;
        if (this.options.Axis is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), this.options.Axis, "The NIfTI axis must be 0, 1 or 2.");
        }

        if (this.options.VolumeIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), this.options.VolumeIndex, "The NIfTI volume index must not be negative.");
        }
    }

    /// <summary>Whether <paramref name="path"/> names a single-file NIfTI volume: it ends in <c>.nii</c> or
    /// <c>.nii.gz</c>.</summary>
    public static bool IsVolumeFile(string path) =>
        path.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="path"/> is half of an Analyze-style pair (<c>.hdr</c> or <c>.img</c>), which is
    /// refused.</summary>
    public static bool IsHeaderImagePair(string path) =>
        path.EndsWith(".hdr", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".img", StringComparison.OrdinalIgnoreCase);

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
    /// A .hdr/.img pair, a malformed CSV, a missing mask under <see cref="NiftiSliceSelection.Mask"/>, no volumes, a
    /// single class, or a volume or mask that cannot be read (see <see cref="NiftiVolume.Read"/>) or whose shapes
    /// differ. </exception>
    public IEnumerable<ImportedSlice> Read(DatasetFileTree tree)
    {
        foreach (var (file, className, patientId, maskPath) in Plan(tree))
        {
            var volume = ReadVolume(tree, file);
            var mask = maskPath is null ? null : ReadMask(tree, maskPath, volume, file);
            var slicer = new NiftiVolumeSlicer(volume, mask, options.Axis);
            var selection = options.Slices ?? (mask is null ? NiftiSliceSelection.Nonzero : NiftiSliceSelection.Mask);
            var positions = slicer.Positions(selection).ToList();
            if (positions.Count == 0)
            {
                notices?.Add(file, selection == NiftiSliceSelection.Mask
                    ? $"no slice along axis {options.Axis} touches its mask"
                    : "every voxel is zero");
            }

            foreach (var position in positions)
            {
                var metadata = new SliceMetadata(Axis: options.Axis, Position: position, Count: slicer.Count,
                    ValueScale: slicer.ValueScale, ValueOffset: slicer.ValueOffset, Series: file);
                yield return new ImportedSlice(file, className, patientId, slicer.Image(position), slicer.Mask(position), metadata);
            }
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

            if (IsHeaderImagePair(file))
            {
                throw new DatasetImportException(
                    $"{file} is half of a .hdr/.img pair; only single-file NIfTI volumes (.nii or .nii.gz) can be imported (convert it, for example with nibabel or fslchfiletype).");
            }

            if (!IsVolumeFile(file))
            {
                if (row is not null)
                {
                    throw new DatasetImportException($"{file} is listed in {options.LabelsCsv} but is not a NIfTI volume (.nii or .nii.gz).");
                }

                notices?.Add(file, "not a NIfTI volume (.nii or .nii.gz)");
                continue;
            }

            var maskPath = FindMask(tree, maskPrefix + file);
            if (maskPath is null && options.Slices == NiftiSliceSelection.Mask)
            {
                throw new DatasetImportException(
                    $"{file} has no mask ({maskPrefix}{file}); keeping only the slices that touch the mask needs one for every volume.");
            }

            plan.Add((file, row?.Label ?? file[..slash], row?.PatientId ?? CaseName(file), maskPath));
        }

        var classes = plan.Select(p => p.Item2).Distinct().ToList();
        if (classes.Count == 0)
        {
            throw new DatasetImportException($"{tree.Name} holds no NIfTI volumes in class folders; the dataset is empty.");
        }

        if (classes.Count < 2)
        {
            throw new DatasetImportException($"{tree.Name} has volumes in only one class ('{classes[0]}'); a classifier needs at least two.");
        }

        return plan;
    }

    private NiftiVolume ReadVolume(DatasetFileTree tree, string file)
    {
        using var stream = tree.OpenRead(file);
        return NiftiVolume.Read(stream, file, limits, options.VolumeIndex);
    }

    private bool[] ReadMask(DatasetFileTree tree, string maskPath, NiftiVolume volume, string file)
    {
        var mask = ReadVolume(tree, maskPath);
        if (!mask.Shape.SequenceEqual(volume.Shape))
        {
            throw new DatasetImportException(
                $"Mask {maskPath} is {string.Join("x", mask.Shape)} voxels but its volume {file} is {string.Join("x", volume.Shape)}; " +
                "masks must have the volume's shape.");
        }

        var values = new bool[(long)volume.Shape[0] * volume.Shape[1] * volume.Shape[2]];
        for (long n = 0; n < values.LongLength; n++)
        {
            var value = mask.ValueAt(n);
            values[n] = value != 0 && !double.IsNaN(value);
        }

        return values;
    }

    private static string? FindMask(DatasetFileTree tree, string sameName)
    {
        var stem = CaseName(sameName);
        return new[] { sameName, stem + ".nii.gz", stem + ".nii" }.FirstOrDefault(tree.Contains);
    }

    private static string CaseName(string file) =>
        file[..^(file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? ".nii.gz".Length : ".nii".Length)];
}
