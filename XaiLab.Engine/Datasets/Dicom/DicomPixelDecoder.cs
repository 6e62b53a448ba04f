using System.Buffers.Binary;

namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// Native (uncompressed) grayscale pixels of one frame (PS3.5 8.1.1, PS3.3 C.7.6.3): 8 or 16 bits allocated,
/// 1..BitsAllocated stored at HighBit, unsigned or two's complement. Each sample is shifted down so that HighBit is
/// bit BitsStored-1, masked to BitsStored (bits above it may carry overlays or garbage) and, when signed,
/// sign-extended from bit BitsStored-1; then the modality rescale gives the physical value
/// (<c>stored * RescaleSlope + RescaleIntercept</c>, Hounsfield units for CT; PS3.3 C.11.1).
/// </summary>
internal static class DicomPixelDecoder
{
    /// <summary>
    /// Why a readable file's pixels are not decoded, worded for <see cref="ImportNotices"/>; null when they are.
    /// Files that are valid DICOM but not single-frame grayscale images are left out this way; a file whose image
    /// attributes are missing or contradict each other throws instead, since it is damaged.
    /// </summary>
    /// <param name="header">What <see cref="DicomFileParser.ReadHeader"/> read.</param>
    /// <param name="name">The file, for messages.</param>
    /// <param name="limits">Bounds on the image size.</param>
    /// <exception cref="DatasetImportException">An attribute PixelData needs is missing or out of range.</exception>
    public static string? RefusalReason(DicomHeader header, string name, ImportLimits limits)
    {
        if (header.PixelDataLength is null)
        {
            return "no PixelData (7FE0,0010), not an image";
        }

        var samples = Require(header.SamplesPerPixel, DicomTags.SamplesPerPixel, name);
        if (samples != 1)
        {
            return $"SamplesPerPixel {samples} (colour) is not supported";
        }

        var photometric = header.PhotometricInterpretation
            ?? throw Missing(DicomTags.PhotometricInterpretation, name);
        if (photometric is not ("MONOCHROME1" or "MONOCHROME2"))
        {
            return $"PhotometricInterpretation {photometric} is not supported";
        }

        var allocated = Require(header.BitsAllocated, DicomTags.BitsAllocated, name);
        if (allocated is not (8 or 16))
        {
            return $"BitsAllocated {allocated} is not supported";
        }

        if (header.NumberOfFrames > 1)
        {
            return "multi-frame images (NumberOfFrames > 1) are not supported";
        }

        var rows = Require(header.Rows, DicomTags.Rows, name);
        var columns = Require(header.Columns, DicomTags.Columns, name);
        if (rows < 1 || columns < 1 || rows > limits.MaxImageSide || columns > limits.MaxImageSide)
        {
            throw new DatasetImportException(
                $"{name} declares {columns}x{rows} pixels; each side must be between 1 and {limits.MaxImageSide}.");
        }

        var stored = Require(header.BitsStored, DicomTags.BitsStored, name);
        var highBit = Require(header.HighBit, DicomTags.HighBit, name);
        var representation = Require(header.PixelRepresentation, DicomTags.PixelRepresentation, name);
        if (header.NumberOfFrames < 1)
        {
            throw new DatasetImportException($"{name} is damaged: NumberOfFrames (0028,0008) is {header.NumberOfFrames}.");
        }

        if (stored < 1 || stored > allocated || highBit < stored - 1 || highBit >= allocated)
        {
            throw new DatasetImportException(
                $"{name} is damaged: BitsStored {stored} with HighBit {highBit} does not fit in BitsAllocated {allocated}.");
        }

        if (representation is not (0 or 1))
        {
            throw new DatasetImportException($"{name} is damaged: PixelRepresentation (0028,0103) is {representation}; it must be 0 or 1.");
        }

        return null;
    }

    /// <summary>
    /// Bytes of PixelData one frame takes. 8-bit samples in an OW value in big endian come in byte-swapped pairs, so
    /// an odd count is read with its padding byte.
    /// </summary>
    public static int FrameBytes(DicomHeader header)
    {
        var count = header.Rows!.Value * header.Columns!.Value * (header.BitsAllocated!.Value / 8);
        return SwapsBytePairs(header) ? count + count % 2 : count;
    }

    /// <summary>The physical value of each pixel, row-major; <paramref name="pixelData"/> holds <see cref="FrameBytes"/> bytes.</summary>
    public static double[] PhysicalValues(DicomHeader header, ReadOnlySpan<byte> pixelData)
    {
        var count = header.Rows!.Value * header.Columns!.Value;
        var allocated = header.BitsAllocated!.Value;
        var stored = header.BitsStored!.Value;
        var shift = header.HighBit!.Value + 1 - stored;
        var mask = (1 << stored) - 1;
        var signBit = 1 << (stored - 1);
        var signed = header.PixelRepresentation == 1;
        var swap = SwapsBytePairs(header);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            int raw = allocated == 8
                ? pixelData[swap ? i ^ 1 : i]
                : header.BigEndian
                    ? BinaryPrimitives.ReadUInt16BigEndian(pixelData.Slice(2 * i, 2))
                    : BinaryPrimitives.ReadUInt16LittleEndian(pixelData.Slice(2 * i, 2));
            var sample = (raw >> shift) & mask;
            if (signed && (sample & signBit) != 0)
            {
                sample -= 1 << stored;
            }

            values[i] = sample * header.RescaleSlope + header.RescaleIntercept;
        }

        return values;
    }

    private static bool SwapsBytePairs(DicomHeader header) => header.BigEndian && header.BitsAllocated == 8 && header.PixelDataVr == "OW";

    private static int Require(int? value, uint tag, string name) => value ?? throw Missing(tag, name);

    private static DatasetImportException Missing(uint tag, string name) =>
        new($"{name} lacks {DicomDictionary.Describe(tag)}, which its PixelData needs.");
}
