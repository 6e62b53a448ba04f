using XaiLab.Engine.Datasets.Sources;
using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// Streams a DICOM dataset from a folder or ZIP: one top folder per class holding DICOM Part 10 files at any depth
/// (patient and series folders), named with or without an extension. Files at the root (a README, a DICOMDIR) are
/// skipped, as <see cref="ImageFolder.ImageFolderReader"/> skips them, and so is any file named <c>DICOMDIR</c>; any
/// other file in a class folder must be DICOM, or the import fails naming it.
/// <list type="bullet">
/// <item>Patient: PatientID (0010,0020); when a file has none, the path of its folder (<c>mr/scan-b/series-2</c>),
/// so that files of one series stay together and files of different folders are never merged.</item>
/// <item>Series: SeriesInstanceUID (0020,000E) within the class (the folder path when missing), ordered by
/// <see cref="DicomSeriesOrder"/>; <see cref="SliceMetadata.Position"/> is the 0-based place in that order,
/// <see cref="SliceMetadata.Count"/> the series size, <see cref="SliceMetadata.Series"/> the UID. Series come in the
/// path order of their first file.</item>
/// <item>Intensities: per series, the physical values (after RescaleSlope/Intercept) are mapped linearly from the
/// series' [min, max] onto 0..65535 by <see cref="DicomIntensityMapping"/>, MONOCHROME1 inverted so that higher is
/// brighter; <see cref="SliceMetadata.ValueScale"/> and <see cref="SliceMetadata.ValueOffset"/> give
/// <c>physical = stored * scale + offset</c> (a negative scale marks an inverted slice, which a display windowing
/// physical values must invert), and WindowCenter/WindowWidth (first values) are in physical units. One range per
/// series rather than per file keeps a tissue at the same stored value on every slice of a volume, which a model fed
/// slices of one scan should see; it costs reading each file twice (once for the range, once for the pixels), so
/// that only one slice is in memory at a time.</item>
/// <item>Left out, each with a notice in the <see cref="ImportNotices"/> given (files of other transfer syntaxes
/// than the three native ones, by <see cref="DicomTransferSyntaxes.RefusalReason"/>, before anything else is parsed;
/// colour, multi-frame, other bit depths; DICOM objects without PixelData); an import that leaves out every file fails
/// with the first reason. Damaged files fail the import with a message naming the file.</item>
/// <item>Privacy: only the tags of <see cref="DicomTags"/> are read; names, birth dates and the rest are skipped
/// unread. <see cref="DicomOptions.Pseudonymise"/> replaces patient ids and series UIDs by keyed hashes.</item>
/// </list>
/// </summary>
public sealed class DicomDatasetReader
{
    /// <summary>Files the detector opens, at most, looking for the <c>DICM</c> marker.</summary>
    public const int DetectionProbes = 8;

    private readonly ImportLimits limits;
    private readonly ImportNotices? notices;
    private readonly DicomPseudonymiser? pseudonymiser;

    /// <param name="limits">Bounds for archives and images; <see cref="ImportLimits.Default"/> when null.</param>
    /// <param name="options">Privacy settings; <see cref="DicomOptions.Default"/> when null.</param>
    /// <param name="notices">Where left-out files are reported; null to not collect them.</param>
    /// <exception cref="ArgumentException"><see cref="DicomOptions.Pseudonymise"/> without a <see cref="DicomOptions.PseudonymKey"/>.</exception>
    public DicomDatasetReader(ImportLimits? limits = null, DicomOptions? options = null, ImportNotices? notices = null)
    {
        this.limits = limits ?? ImportLimits.Default;
        this.notices = notices;
        options ??= DicomOptions.Default;
        if (options.Pseudonymise)
        {
            if (string.IsNullOrEmpty(options.PseudonymKey))
            {
                throw new ArgumentException(
                    "Pseudonymise needs a PseudonymKey: without a secret, a hashed patient id can be recomputed from the id.", nameof(options));
            }

            pseudonymiser = new DicomPseudonymiser(options.PseudonymKey);
        }
    }

    /// <summary>
    /// Whether one of the first <see cref="DetectionProbes"/> files in folders (DICOMDIR aside) has the Part 10
    /// <c>DICM</c> marker at byte 128; reads 132 bytes of each, so that the detector can tell DICOM files without
    /// extensions from other files.
    /// </summary>
    public static bool HasDicomFiles(DatasetFileTree tree)
    {
        foreach (var file in tree.Files.Where(f => f.Contains('/') && !IsDicomDir(f)).Take(DetectionProbes))
        {
            using var stream = tree.OpenRead(file);
            if (DicomFileParser.HasPart10Marker(stream))
            {
                return true;
            }
        }

        return false;
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
    /// A non-DICOM or damaged file in a class folder, no readable file, or a single class.
    /// </exception>
    public IEnumerable<ImportedSlice> Read(DatasetFileTree tree)
    {
        foreach (var series in Plan(tree))
        {
            var order = DicomSeriesOrder.Order(series.Slices.Select(s => (s.File, s.Header)).ToList());
            var name = pseudonymiser?.Pseudonym(series.Key) ?? series.Key;
            for (var position = 0; position < order.Count; position++)
            {
                var slice = series.Slices[order[position]];
                var (header, physical) = ReadPixels(tree, slice.File);
                var mapping = new DicomIntensityMapping(series.Min, series.Max, header.PhotometricInterpretation == "MONOCHROME1");
                var image = new SliceImage(header.Columns!.Value, header.Rows!.Value, mapping.ToStored(physical), BitDepth: 16);
                var metadata = new SliceMetadata(
                    Position: position,
                    Count: order.Count,
                    ValueScale: mapping.Scale,
                    ValueOffset: mapping.Offset,
                    WindowCenter: header.WindowCenter,
                    WindowWidth: header.WindowWidth,
                    Series: name);
                yield return new ImportedSlice(slice.File, series.ClassName, slice.Patient, image, Mask: null, metadata);
            }
        }
    }

    private List<PlannedSeries> Plan(DatasetFileTree tree)
    {
        var series = new Dictionary<(string Class, string Key), PlannedSeries>();
        var ordered = new List<PlannedSeries>();
        (string File, string Reason)? firstRefused = null;
        var refused = 0;
        foreach (var file in tree.Files)
        {
            var slash = file.IndexOf('/');
            if (slash < 0 || IsDicomDir(file))
            {
                continue;
            }

            var (header, physical, reason) = ReadFile(tree, file);
            if (reason is not null)
            {
                notices?.Add(file, reason);
                firstRefused ??= (file, reason);
                refused++;
                continue;
            }

            var className = file[..slash];
            var folder = file[..file.LastIndexOf('/')];
            var key = (className, header!.SeriesInstanceUid ?? folder);
            if (!series.TryGetValue(key, out var planned))
            {
                planned = new PlannedSeries(className, key.Item2);
                series.Add(key, planned);
                ordered.Add(planned);
            }

            var patient = header.PatientId ?? folder;
            planned.Add(new PlannedSlice(file, pseudonymiser?.Pseudonym(patient) ?? patient, header), physical!);
        }

        if (ordered.Count == 0 && firstRefused is { } first)
        {
            throw new DatasetImportException(
                $"{tree.Name} has no DICOM file the importer can read; {refused} left out: {first.Reason} (first: {first.File}).");
        }

        var classes = ordered.Select(s => s.ClassName).Distinct().ToList();
        if (classes.Count == 0)
        {
            throw new DatasetImportException($"{tree.Name} holds no DICOM files in class folders; the dataset is empty.");
        }

        if (classes.Count < 2)
        {
            throw new DatasetImportException($"{tree.Name} has DICOM images in only one class ('{classes[0]}'); a classifier needs at least two.");
        }

        return ordered;
    }

    /// <summary>Parses one file: its header and physical values, or why it is left out.</summary>
    private (DicomHeader? Header, double[]? Physical, string? Reason) ReadFile(DatasetFileTree tree, string file)
    {
        using var stream = tree.OpenRead(file);
        var parser = new DicomFileParser(stream, file);
        if (DicomTransferSyntaxes.RefusalReason(parser.TransferSyntaxUid) is { } syntaxReason)
        {
            return (null, null, syntaxReason);
        }

        var header = parser.ReadHeader();
        if (DicomPixelDecoder.RefusalReason(header, file, limits) is { } pixelReason)
        {
            return (header, null, pixelReason);
        }

        var pixelData = parser.ReadPixelData(header, DicomPixelDecoder.FrameBytes(header));
        return (header, DicomPixelDecoder.PhysicalValues(header, pixelData), null);
    }

    private (DicomHeader Header, double[] Physical) ReadPixels(DatasetFileTree tree, string file)
    {
        var (header, physical, reason) = ReadFile(tree, file);
        return reason is null
            ? (header!, physical!)
            : throw new DatasetImportException($"{file} changed while it was imported: it is now left out ({reason}).");
    }

    private static bool IsDicomDir(string file) => string.Equals(Path.GetFileName(file), "DICOMDIR", StringComparison.OrdinalIgnoreCase);

    private sealed record PlannedSlice(string File, string Patient, DicomHeader Header);

    private sealed class PlannedSeries(string className, string key)
    {
        public string ClassName { get; } = className;

        public string Key { get; } = key;

        public List<PlannedSlice> Slices { get; } = [];

        public double Min { get; private set; } = double.PositiveInfinity;

        public double Max { get; private set; } = double.NegativeInfinity;

        public void Add(PlannedSlice slice, double[] physical)
        {
            Slices.Add(slice);
            Min = Math.Min(Min, physical.Min());
            Max = Math.Max(Max, physical.Max());
        }
    }
}
