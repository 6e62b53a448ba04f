using System.Buffers.Binary;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Dicom;

namespace XaiLab.Tests.Engine.Datasets.Dicom;

public sealed class DicomFileParserTests
{
    public static TheoryData<string> ReadableFixtures => new(
        DicomFixtures.Expected.Files.Where(f => f.Physical is not null).Select(f => Path.GetFileName(f.File)));

    [Fact]
    public void Fixtures_CoverEverySupportedEncoding()
    {
        var readable = DicomFixtures.Expected.Files.Where(f => f.Physical is not null).ToList();

        Assert.Equal(
            [DicomTransferSyntaxes.ImplicitVrLittleEndian, DicomTransferSyntaxes.ExplicitVrLittleEndian, DicomTransferSyntaxes.ExplicitVrBigEndian],
            readable.Select(f => f.TransferSyntax).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["MONOCHROME1", "MONOCHROME2"], readable.Select(f => f.Photometric).Distinct().Order());
        Assert.Equal([(8, 8, false), (8, 8, true), (16, 12, false), (16, 12, true), (16, 16, false), (16, 16, true)],
            readable.Select(f => (f.BitsAllocated, f.BitsStored, f.Signed)).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(ReadableFixtures))]
    public void Read_EqualsPydicom(string fileName)
    {
        var expected = DicomFixtures.ExpectedFile(fileName);

        var (header, physical) = DicomFixtures.Decode(DicomFixtures.Bytes(fileName), fileName);

        Assert.Equal(expected.TransferSyntax, header.TransferSyntaxUid);
        Assert.Equal((expected.Rows, expected.Columns), (header.Rows, header.Columns));
        Assert.Equal(expected.PatientId, header.PatientId);
        Assert.Equal(expected.SeriesUid, header.SeriesInstanceUid);
        Assert.Equal(expected.Photometric, header.PhotometricInterpretation);
        Assert.Equal((expected.WindowCenter, expected.WindowWidth), (header.WindowCenter, header.WindowWidth));
        Assert.Equal(expected.Physical, physical);
    }

    [Theory]
    [MemberData(nameof(ReadableFixtures))]
    public void Read_SameFromForwardOnlyStream(string fileName)
    {
        var bytes = DicomFixtures.Bytes(fileName);

        var (header, physical) = DicomFixtures.Decode(new ForwardOnlyStream(bytes), fileName);

        Assert.Equal(DicomFixtures.Decode(bytes, fileName).Physical, physical);
        Assert.Equal(DicomFixtures.ExpectedFile(fileName).PatientId, header.PatientId);
    }

    [Theory]
    [InlineData("implicit-le-ct-int16.dcm")]
    [InlineData("explicit-be-ct-int16.dcm")]
    [InlineData("explicit-le-uint12.dcm")]
    public void Read_SkipsUndefinedLengthSequencesWithoutTakingTheirDecoys(string fileName)
    {
        var header = DicomFixtures.Header(DicomFixtures.Bytes(fileName));

        // The items of the sequences before PixelData hold Rows 777/999, Columns 555 and PatientID DECOY.
        Assert.Equal((6, 8), (header.Rows, header.Columns));
        Assert.StartsWith("PID-", header.PatientId);
    }

    [Fact]
    public void Read_StopsAtTheTransferSyntaxOfACompressedFile()
    {
        var parser = new DicomFileParser(new MemoryStream(DicomFixtures.Bytes("jpeg-baseline.dcm")), "j.dcm");

        Assert.Equal("1.2.840.10008.1.2.4.50", parser.TransferSyntaxUid);
        Assert.Throws<InvalidOperationException>(() => parser.ReadHeader());
    }

    [Fact]
    public void Read_MultiFrameHeaderIsRefusedBeforeItsPixels()
    {
        var header = DicomFixtures.Header(DicomFixtures.Bytes("multiframe-uint8.dcm"));

        Assert.Equal(2, header.NumberOfFrames);
        Assert.Equal("multi-frame images (NumberOfFrames > 1) are not supported",
            DicomPixelDecoder.RefusalReason(header, "m.dcm", ImportLimits.Default));
    }

    [Fact]
    public void Read_RejectsFileWithoutDicmMarker()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        bytes.AsSpan(128, 4).Clear();
        const string message = "a/x.dcm is not a DICOM file (no 'DICM' marker at byte 128; expected DICOM Part 10 files in the class folders).";

        Assert.Equal(message, Assert.Throws<DatasetImportException>(() => new DicomFileParser(new MemoryStream(bytes), "a/x.dcm")).Message);
        Assert.Equal(message, Assert.Throws<DatasetImportException>(() => new DicomFileParser(new MemoryStream([1, 2, 3]), "a/x.dcm")).Message);
        Assert.False(DicomFileParser.HasPart10Marker(new MemoryStream(bytes)));
        Assert.True(DicomFileParser.HasPart10Marker(new MemoryStream(DicomFixtures.Bytes("explicit-le-mr-uint16.dcm"))));
    }

    [Fact]
    public void Read_RejectsFileTruncatedInPixelData()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");

        var e = Assert.Throws<DatasetImportException>(() => DicomFixtures.Decode(bytes[..^10], "t.dcm"));

        Assert.Equal("t.dcm is truncated: it ends inside PixelData, which declares 96 bytes.", e.Message);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(131 + 4 + 30)]
    public void Read_RejectsFileTruncatedInItsHeaders(int length)
    {
        var bytes = DicomFixtures.Bytes("explicit-le-uint12.dcm");

        var e = Assert.Throws<DatasetImportException>(() => DicomFixtures.Decode(bytes[..length], "t.dcm"));

        Assert.StartsWith("t.dcm is truncated: it ends inside ", e.Message);
    }

    [Fact]
    public void Read_RejectsFileTruncatedInsideAnUndefinedLengthSequence()
    {
        var bytes = DicomFixtures.Bytes("implicit-le-ct-int16.dcm");
        var sequenceEnd = bytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0]);

        var e = Assert.Throws<DatasetImportException>(() => DicomFixtures.Decode(bytes[..sequenceEnd], "t.dcm"));

        Assert.StartsWith("t.dcm is truncated: it ends inside the header of the element at byte ", e.Message);
    }

    [Fact]
    public void Read_RejectsSkippedElementWhoseLengthRunsPastTheEnd()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        var name = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x0010_0010, "PN");
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(name + 6), 0xFFF0);
        var message = $"t.dcm is truncated: it ends inside (0010,0010), which declares 65520 bytes at byte {name}.";

        Assert.Equal(message, Assert.Throws<DatasetImportException>(() => DicomFixtures.Decode(bytes, "t.dcm")).Message);
        Assert.Equal(message, Assert.Throws<DatasetImportException>(() => DicomFixtures.Decode(new ForwardOnlyStream(bytes), "t.dcm")).Message);
    }

    [Fact]
    public void Read_RejectsKeptElementWithLyingLength()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        var rows = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x0028_0010, "US");
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(rows + 6), 4);

        var e = Assert.Throws<DatasetImportException>(() => DicomFixtures.Decode(bytes, "t.dcm"));

        // Rows swallows the group of Columns' tag, so the next "element" starts at Columns' element number.
        Assert.Equal($"t.dcm is damaged: element (0011,5355) at byte {rows + 12} has no valid VR (bytes 02 00), so the file is not in the Explicit VR Little Endian it declares.", e.Message);
    }

    [Fact]
    public void Read_RejectsUsValueOfWrongSize()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        var rows = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x0028_0010, "US");
        // Rows now claims its own 2 bytes and the whole Columns element after them, so parsing goes on in step.
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(rows + 6), 12);

        var e = Assert.Throws<DatasetImportException>(() => DicomFixtures.Header(bytes, "t.dcm"));

        Assert.Equal("t.dcm is damaged: Rows (0028,0010) declares 12 bytes, but its single US value has 2.", e.Message);
    }

    [Fact]
    public void Read_RejectsKeptElementDeclaringFarTooManyBytes()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        var patientId = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x0010_0020, "LO");
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(patientId + 6), 0xFFFF);

        var e = Assert.Throws<DatasetImportException>(() => DicomFixtures.Decode(bytes, "t.dcm"));

        Assert.Equal($"t.dcm is damaged: PatientID (0010,0020) at byte {patientId} declares 65535 bytes, far more than its value can hold.", e.Message);
    }

    [Fact]
    public void Read_RejectsPixelDataShorterThanTheImage()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        var pixelData = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x7FE0_0010, "OW");
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(pixelData + 8), 16);

        var e = Assert.Throws<DatasetImportException>(() => DicomFixtures.Decode(bytes, "t.dcm"));

        Assert.Equal("t.dcm is damaged: PixelData holds 16 bytes, but 8x6 samples of 16 bits need 96.", e.Message);
    }

    [Fact]
    public void Read_RejectsEncapsulatedPixelDataInANativeSyntax()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        var pixelData = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x7FE0_0010, "OW");
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(pixelData + 8), 0xFFFF_FFFF);

        var e = Assert.Throws<DatasetImportException>(() => DicomFixtures.Header(bytes, "t.dcm"));

        Assert.Equal($"t.dcm is damaged: PixelData at byte {pixelData} is encapsulated (undefined length), which the uncompressed Explicit VR Little Endian does not allow.", e.Message);
    }

    [Fact]
    public void Read_WithoutPixelDataGivesAHeaderTheReaderLeavesOut()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        var pixelData = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x7FE0_0010, "OW");

        var header = DicomFixtures.Header(bytes[..pixelData]);

        Assert.Null(header.PixelDataLength);
        Assert.Equal("PID-EXPLICIT", header.PatientId);
        Assert.Equal("no PixelData (7FE0,0010), not an image", DicomPixelDecoder.RefusalReason(header, "x.dcm", ImportLimits.Default));
    }

    [Fact]
    public void Read_RejectsSequencesNestedTooDeep()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        var pixelData = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x7FE0_0010, "OW");
        byte[] level = [0x08, 0x00, 0x40, 0x11, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF];
        var nested = Enumerable.Repeat(level, DicomFileParser.MaxNesting + 1).SelectMany(l => l);
        var damaged = bytes[..pixelData].Concat(nested).Concat(bytes[pixelData..]).ToArray();

        var e = Assert.Throws<DatasetImportException>(() => DicomFixtures.Header(damaged, "t.dcm"));

        Assert.StartsWith($"t.dcm is damaged: sequences nest deeper than {DicomFileParser.MaxNesting} levels at byte ", e.Message);
    }

    [Fact]
    public void Read_RejectsDelimiterOutsideASequence()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        var pixelData = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x7FE0_0010, "OW");
        byte[] delimiter = [0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0];
        var damaged = bytes[..pixelData].Concat(delimiter).Concat(bytes[pixelData..]).ToArray();

        var e = Assert.Throws<DatasetImportException>(() => DicomFixtures.Header(damaged, "t.dcm"));

        Assert.Equal($"t.dcm is damaged: (FFFE,E0DD) at byte {pixelData} delimits a sequence, but no sequence is open.", e.Message);
    }

    [Fact]
    public void Read_RejectsMetaGroupWithoutTransferSyntax()
    {
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        var syntax = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x0002_0010, "UI");
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(syntax + 2), 0x0011);

        var e = Assert.Throws<DatasetImportException>(() => new DicomFileParser(new MemoryStream(bytes), "t.dcm"));

        Assert.Equal("t.dcm is damaged: its file meta information has no TransferSyntaxUID (0002,0010).", e.Message);
    }
}
