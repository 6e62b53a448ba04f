using XaiLab.Engine.Datasets.Dicom;
using XaiLab.Engine.Datasets.Images;
using XaiLab.Engine.Datasets.Nifti;

namespace XaiLab.Engine.Datasets.Scans;

/// <summary>
/// Reads one uploaded scan (a PNG, JPEG or TIFF image, one DICOM file, or a NIfTI volume and the slice to take) into the
/// slice an import would have stored for it, so that a run can predict and explain it through its own preprocessing:
/// images are decoded as the image-folder import decodes them; a DICOM file's physical values (rescale applied,
/// MONOCHROME1 inverted) are mapped to 16 bits over the file's own range, as a one-file series; a NIfTI slice is cut with
/// the import's orientation rule and 16-bit mapping over the whole volume. Refusals are the imports' own
/// (<see cref="DatasetImportException"/>, naming the file): compressed DICOM transfer syntaxes, 4-D volumes without a
/// volume index, truncated headers, files over the import limits.
/// </summary>
public static class ScanReader
{
    /// <summary>Reads <paramref name="data"/>, uploaded as <paramref name="fileName"/>.</summary>
    /// <exception cref="DatasetImportException">Not a scan this reader knows, or one it refuses; the message says why.</exception>
    public static Scan Read(byte[] data, string fileName, ScanOptions? options = null, ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new ScanOptions();
        limits ??= ImportLimits.Default;
        if (data.Length == 0)
        {
            throw new DatasetImportException($"{fileName} is empty.");
        }
        using var stream = new MemoryStream(data, writable: false);
        if (DicomFileParser.HasPart10Marker(stream))
        {
            stream.Position = 0;
            return ReadDicom(stream, fileName, limits);
        }
        stream.Position = 0;
        if (IsNifti(data, fileName))
        {
            return ReadNifti(stream, fileName, options, limits);
        }
        return new Scan(SliceImageDecoder.Decode(data, fileName, limits), ScanFormat.Image, null);
    }

    private static Scan ReadDicom(Stream stream, string fileName, ImportLimits limits)
    {
        var parser = new DicomFileParser(stream, fileName);
        if (DicomTransferSyntaxes.RefusalReason(parser.TransferSyntaxUid) is { } syntax)
        {
            throw new DatasetImportException($"{fileName} is refused: {syntax}.");
        }
        var header = parser.ReadHeader();
        if (DicomPixelDecoder.RefusalReason(header, fileName, limits) is { } pixels)
        {
            throw new DatasetImportException($"{fileName} is refused: {pixels}.");
        }
        var physical = DicomPixelDecoder.PhysicalValues(header, parser.ReadPixelData(header, DicomPixelDecoder.FrameBytes(header)));
        var mapping = new DicomIntensityMapping(physical.Min(), physical.Max(), header.PhotometricInterpretation == "MONOCHROME1");
        var image = new Imaging.SliceImage(header.Columns!.Value, header.Rows!.Value, mapping.ToStored(physical), BitDepth: 16);
        var metadata = new SliceMetadata(ValueScale: mapping.Scale, ValueOffset: mapping.Offset,
            WindowCenter: header.WindowCenter, WindowWidth: header.WindowWidth, Series: Path.GetFileName(fileName));
        return new Scan(image, ScanFormat.Dicom, metadata);
    }

    private static Scan ReadNifti(Stream stream, string fileName, ScanOptions options, ImportLimits limits)
    {
        if (options.Axis is < 0 or > 2)
        {
            throw new DatasetImportException($"axis must be 0, 1 or 2, not {options.Axis}.");
        }
        var volume = NiftiVolume.Read(stream, fileName, limits, options.VolumeIndex);
        var slicer = new NiftiVolumeSlicer(volume, mask: null, options.Axis);
        var position = options.Slice ?? (slicer.Count == 1 ? 0
            : throw new DatasetImportException(
                $"{fileName} has {slicer.Count} slices along axis {options.Axis}: say which one with slice (0 to {slicer.Count - 1})."));
        if (position < 0 || position >= slicer.Count)
        {
            throw new DatasetImportException(
                $"slice {position} is outside {fileName}, which has {slicer.Count} slices along axis {options.Axis} (0 to {slicer.Count - 1}).");
        }
        var metadata = new SliceMetadata(Axis: options.Axis, Position: position, Count: slicer.Count,
            ValueScale: slicer.ValueScale, ValueOffset: slicer.ValueOffset, Series: Path.GetFileName(fileName));
        return new Scan(slicer.Image(position), ScanFormat.Nifti, metadata);
    }

    /// <summary>A .nii or .nii.gz name, or a header whose first field is NIfTI-1's 348 or NIfTI-2's 540 in either byte order.</summary>
    private static bool IsNifti(byte[] data, string fileName)
    {
        if (fileName.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (data.Length < 4)
        {
            return false;
        }
        var little = BitConverter.ToInt32(data, 0);
        var big = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(little);
        return little is 348 or 540 || big is 348 or 540;
    }
}
