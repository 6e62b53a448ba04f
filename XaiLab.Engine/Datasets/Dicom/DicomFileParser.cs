using System.Buffers.Binary;
using System.Text;

namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// Reads one DICOM Part 10 file (PS3.10 7.1) front to back, without a DICOM library: the 128-byte preamble and
/// <c>DICM</c>; the file meta group 0002, always Explicit VR Little Endian, for the TransferSyntaxUID; then, in one of
/// the native syntaxes (<see cref="DicomTransferSyntaxes.IsSupported"/>), the top level of the data set up to
/// PixelData. Only the values of the tags in <see cref="DicomDictionary"/> are read; every other element is skipped
/// by its length, and sequences of undefined length (and their items of undefined length, nested to any depth up to
/// <see cref="MaxNesting"/>) are walked to their delimiters without keeping anything, so a Rows or PatientID inside
/// a sequence item is never mistaken for the image's. A value of VR UN with undefined length is a sequence in
/// Implicit VR Little Endian whatever the file's syntax (PS3.5 6.2.2). A damaged file (truncated, an element length
/// past the end, an invalid VR, a kept value too long for its VR) throws a <see cref="DatasetImportException"/>
/// naming the file, the element and the byte offset.
/// </summary>
internal sealed class DicomFileParser
{
    /// <summary>Deepest sequence nesting followed; real files nest a few levels, a hostile one could overflow the stack.</summary>
    public const int MaxNesting = 64;

    private const uint UndefinedLength = 0xFFFF_FFFF;
    private const int PreambleLength = 128;

    /// <summary>Longest value kept: the longest of the kept VRs (a UI is 64 bytes, an LO 64 characters, six DS 96 bytes), with room for many window values.</summary>
    private const int MaxKeptValueBytes = 4096;

    private readonly DicomInput input;
    private readonly string name;

    /// <summary>The syntax elements are read in, for messages: the meta group's until the data set starts.</summary>
    private string syntaxBeingRead = DicomTransferSyntaxes.ExplicitVrLittleEndian;

    /// <summary>Reads the preamble and the file meta group, leaving the stream at the data set.</summary>
    /// <param name="stream">The file, at its first byte.</param>
    /// <param name="name">The file's path in the dataset, for messages.</param>
    /// <exception cref="DatasetImportException">No <c>DICM</c> marker, a damaged meta group or no TransferSyntaxUID.</exception>
    public DicomFileParser(Stream stream, string name)
    {
        input = new DicomInput(stream);
        this.name = name;
        ReadPreamble();
        TransferSyntaxUid = ReadFileMeta();
    }

    /// <summary>The data set's transfer syntax, from (0002,0010).</summary>
    public string TransferSyntaxUid { get; }

    /// <summary>Whether <paramref name="stream"/> starts with a Part 10 preamble and <c>DICM</c>; reads 132 bytes at most.</summary>
    public static bool HasPart10Marker(Stream stream)
    {
        var head = new byte[PreambleLength + 4];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return read == head.Length && head.AsSpan(PreambleLength).SequenceEqual("DICM"u8);
    }

    /// <summary>
    /// Reads the top level of the data set up to PixelData (or the end of the file), leaving the stream at the first
    /// byte of PixelData's value.
    /// </summary>
    /// <exception cref="InvalidOperationException">The transfer syntax is not a native one.</exception>
    /// <exception cref="DatasetImportException">The data set is damaged.</exception>
    public DicomHeader ReadHeader()
    {
        if (!DicomTransferSyntaxes.IsSupported(TransferSyntaxUid))
        {
            throw new InvalidOperationException($"{TransferSyntaxUid} is not a transfer syntax the parser reads.");
        }

        syntaxBeingRead = TransferSyntaxUid;
        var bigEndian = TransferSyntaxUid == DicomTransferSyntaxes.ExplicitVrBigEndian;
        var explicitVr = TransferSyntaxUid != DicomTransferSyntaxes.ImplicitVrLittleEndian;
        var values = new Dictionary<uint, byte[]>();
        long? pixelDataLength = null;
        string? pixelDataVr = null;
        while (!input.AtEnd)
        {
            var element = ReadElementHeader(explicitVr, bigEndian);
            if (element.Tag == DicomTags.PixelData)
            {
                if (element.Length == UndefinedLength)
                {
                    throw Damaged($"PixelData at byte {element.Offset} is encapsulated (undefined length), which the uncompressed {DicomTransferSyntaxes.Name(TransferSyntaxUid)} does not allow");
                }

                pixelDataLength = element.Length;
                pixelDataVr = element.Vr;
                break;
            }

            if (element.Tag >> 16 == 0xFFFE)
            {
                throw Damaged($"{DicomTags.Format(element.Tag)} at byte {element.Offset} delimits a sequence, but no sequence is open");
            }

            if (DicomDictionary.IsRead(element.Tag) && element.Length != UndefinedLength)
            {
                values[element.Tag] = ReadKeptValue(element);
            }
            else
            {
                SkipValue(element, explicitVr, bigEndian, 0);
            }
        }

        var text = new DicomValueText(values, name, bigEndian);
        return new DicomHeader
        {
            TransferSyntaxUid = TransferSyntaxUid,
            BigEndian = bigEndian,
            PatientId = text.String(DicomTags.PatientId),
            SeriesInstanceUid = text.String(DicomTags.SeriesInstanceUid),
            InstanceNumber = text.Integer(DicomTags.InstanceNumber),
            ImagePositionPatient = text.Decimals(DicomTags.ImagePositionPatient, 3),
            ImageOrientationPatient = text.Decimals(DicomTags.ImageOrientationPatient, 6),
            SamplesPerPixel = text.UnsignedShort(DicomTags.SamplesPerPixel),
            PhotometricInterpretation = text.String(DicomTags.PhotometricInterpretation),
            NumberOfFrames = text.Integer(DicomTags.NumberOfFrames) ?? 1,
            Rows = text.UnsignedShort(DicomTags.Rows),
            Columns = text.UnsignedShort(DicomTags.Columns),
            BitsAllocated = text.UnsignedShort(DicomTags.BitsAllocated),
            BitsStored = text.UnsignedShort(DicomTags.BitsStored),
            HighBit = text.UnsignedShort(DicomTags.HighBit),
            PixelRepresentation = text.UnsignedShort(DicomTags.PixelRepresentation),
            RescaleSlope = text.FirstDecimal(DicomTags.RescaleSlope) ?? 1,
            RescaleIntercept = text.FirstDecimal(DicomTags.RescaleIntercept) ?? 0,
            WindowCenter = text.FirstDecimal(DicomTags.WindowCenter),
            WindowWidth = text.FirstDecimal(DicomTags.WindowWidth),
            PixelDataLength = pixelDataLength,
            PixelDataVr = pixelDataVr,
        };
    }

    /// <summary>Reads the first <paramref name="count"/> bytes of PixelData, once <see cref="ReadHeader"/> stopped there.</summary>
    /// <exception cref="DatasetImportException">PixelData declares fewer bytes, or the file ends before them.</exception>
    public byte[] ReadPixelData(DicomHeader header, int count)
    {
        if (header.PixelDataLength is not { } length)
        {
            throw new InvalidOperationException($"{name} has no PixelData.");
        }

        if (length < count)
        {
            throw Damaged(
                $"PixelData holds {length} bytes, but {header.Columns}x{header.Rows} samples of {header.BitsAllocated} bits need {count}");
        }

        try
        {
            return input.ReadArray(count);
        }
        catch (EndOfStreamException)
        {
            throw new DatasetImportException($"{name} is truncated: it ends inside PixelData, which declares {length} bytes.");
        }
    }

    private void ReadPreamble()
    {
        if (!HasMarker())
        {
            throw new DatasetImportException(
                $"{name} is not a DICOM file (no 'DICM' marker at byte 128; expected DICOM Part 10 files in the class folders).");
        }

        input.Skip(PreambleLength + 4);
    }

    private bool HasMarker()
    {
        try
        {
            return input.Peek(PreambleLength + 4)[PreambleLength..].SequenceEqual("DICM"u8);
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    private string ReadFileMeta()
    {
        string? syntax = null;
        while (!input.AtEnd && IsMetaGroupNext())
        {
            var element = ReadElementHeader(explicitVr: true, bigEndian: false);
            if (element.Tag == DicomTags.TransferSyntaxUid && element.Length != UndefinedLength)
            {
                syntax = new DicomValueText(new() { [element.Tag] = ReadKeptValue(element) }, name, false).String(element.Tag);
            }
            else
            {
                SkipValue(element, explicitVr: true, bigEndian: false, 0);
            }
        }

        return syntax ?? throw Damaged("its file meta information has no TransferSyntaxUID (0002,0010)");
    }

    private bool IsMetaGroupNext()
    {
        try
        {
            return BinaryPrimitives.ReadUInt16LittleEndian(input.Peek(2)) == 0x0002;
        }
        catch (EndOfStreamException)
        {
            throw Truncated($"the element header at byte {input.Offset}");
        }
    }

    private DicomElement ReadElementHeader(bool explicitVr, bool bigEndian)
    {
        var offset = input.Offset;
        try
        {
            var tagBytes = input.Take(4);
            var tag = (uint)ReadUInt16(tagBytes, bigEndian) << 16 | ReadUInt16(tagBytes[2..], bigEndian);
            if (tag >> 16 == 0xFFFE)
            {
                return new DicomElement(tag, string.Empty, ReadUInt32(input.Take(4), bigEndian), offset);
            }

            if (!explicitVr)
            {
                return new DicomElement(tag, DicomDictionary.ImplicitVr(tag), ReadUInt32(input.Take(4), bigEndian), offset);
            }

            var vrBytes = input.Take(2);
            var vr = Encoding.ASCII.GetString(vrBytes);
            if (!DicomDictionary.IsKnownVr(vr))
            {
                throw Damaged(
                    $"element {DicomTags.Format(tag)} at byte {offset} has no valid VR (bytes {vrBytes[0]:X2} {vrBytes[1]:X2}), so the file is not in the {DicomTransferSyntaxes.Name(syntaxBeingRead)} it declares");
            }

            if (DicomDictionary.HasLongLength(vr))
            {
                input.Take(2);
                return new DicomElement(tag, vr, ReadUInt32(input.Take(4), bigEndian), offset);
            }

            return new DicomElement(tag, vr, ReadUInt16(input.Take(2), bigEndian), offset);
        }
        catch (EndOfStreamException)
        {
            throw Truncated($"the header of the element at byte {offset}");
        }
    }

    private byte[] ReadKeptValue(DicomElement element)
    {
        if (element.Length > MaxKeptValueBytes)
        {
            throw Damaged(
                $"{DicomDictionary.Describe(element.Tag)} at byte {element.Offset} declares {element.Length} bytes, far more than its value can hold");
        }

        try
        {
            return input.ReadArray((int)element.Length);
        }
        catch (EndOfStreamException)
        {
            throw Truncated(element);
        }
    }

    private void SkipValue(DicomElement element, bool explicitVr, bool bigEndian, int depth)
    {
        if (element.Length != UndefinedLength)
        {
            try
            {
                input.Skip(element.Length);
            }
            catch (EndOfStreamException)
            {
                throw Truncated(element);
            }

            return;
        }

        switch (element.Vr)
        {
            case "SQ":
                SkipSequence(explicitVr, bigEndian, depth + 1);
                break;
            case "UN" when explicitVr:
                SkipSequence(explicitVr: false, bigEndian: false, depth + 1);
                break;
            case "UN":
                SkipSequence(explicitVr, bigEndian, depth + 1);
                break;
            default:
                throw Damaged(
                    $"{DicomDictionary.Describe(element.Tag)} at byte {element.Offset} has an undefined length, which only a sequence may have");
        }
    }

    private void SkipSequence(bool explicitVr, bool bigEndian, int depth)
    {
        if (depth > MaxNesting)
        {
            throw Damaged($"sequences nest deeper than {MaxNesting} levels at byte {input.Offset}");
        }

        while (true)
        {
            var item = ReadElementHeader(explicitVr, bigEndian);
            if (item.Tag == DicomTags.SequenceDelimitation)
            {
                return;
            }

            if (item.Tag != DicomTags.Item)
            {
                throw Damaged($"a sequence item should start at byte {item.Offset}, but {DicomTags.Format(item.Tag)} does");
            }

            if (item.Length != UndefinedLength)
            {
                SkipValue(item, explicitVr, bigEndian, depth);
                continue;
            }

            while (true)
            {
                var element = ReadElementHeader(explicitVr, bigEndian);
                if (element.Tag == DicomTags.ItemDelimitation)
                {
                    break;
                }

                if (element.Tag >> 16 == 0xFFFE)
                {
                    throw Damaged($"{DicomTags.Format(element.Tag)} at byte {element.Offset} appears inside an item that was not closed");
                }

                SkipValue(element, explicitVr, bigEndian, depth);
            }
        }
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private DatasetImportException Truncated(DicomElement element) => Truncated(
        $"{DicomDictionary.Describe(element.Tag)}, which declares {element.Length} bytes at byte {element.Offset}");

    private DatasetImportException Truncated(string where) => new($"{name} is truncated: it ends inside {where}.");

    private DatasetImportException Damaged(string what) => new($"{name} is damaged: {what}.");

    private readonly record struct DicomElement(uint Tag, string Vr, uint Length, long Offset);
}
