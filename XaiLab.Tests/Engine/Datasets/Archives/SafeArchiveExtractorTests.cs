using System.Buffers.Binary;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Archives;

namespace XaiLab.Tests.Engine.Datasets.Archives;

public sealed class SafeArchiveExtractorTests
{
    [Fact]
    public void ExtractTo_WritesEveryEntryInsideTheDestination()
    {
        using var temp = new TempFolder();

        var written = new SafeArchiveExtractor().ExtractTo(DatasetFixtures.FigshareZip, Path.Combine(temp.Path, "out"));

        Assert.Equal(6, written.Count);
        Assert.Equal(311027, new FileInfo(Path.Combine(temp.Path, "out", "1.mat")).Length);
    }

    [Theory]
    [InlineData("../evil.png", "x.zip: entry '../evil.png' escapes the archive root with '..'.")]
    [InlineData("a/../../evil.png", "x.zip: entry 'a/../../evil.png' escapes the archive root with '..'.")]
    [InlineData("..\\evil.png", "x.zip: entry '..\\evil.png' escapes the archive root with '..'.")]
    [InlineData("/etc/passwd", "x.zip: entry '/etc/passwd' has an absolute path; entries must stay inside the archive root.")]
    [InlineData("C:/Windows/x.png", "x.zip: entry 'C:/Windows/x.png' has an absolute path; entries must stay inside the archive root.")]
    public void Open_RejectsEntryOutsideRoot(string entryName, string message)
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("x.zip", ("ok.png", [1]), (entryName, [2]));

        var e = Assert.Throws<DatasetImportException>(() => new SafeArchiveExtractor().Open(zip).Dispose());

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Open_RejectsDuplicateEntryNames()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("dup.zip", ("a/x.png", [1]), ("a/./x.png", [2]));

        var e = Assert.Throws<DatasetImportException>(() => new SafeArchiveExtractor().Open(zip).Dispose());

        Assert.Equal("dup.zip: entry 'a/x.png' appears more than once; the archive is ambiguous.", e.Message);
    }

    [Fact]
    public void Open_RejectsTruncatedZip()
    {
        using var temp = new TempFolder();
        var bytes = File.ReadAllBytes(DatasetFixtures.FigshareZip);
        var zip = temp.Write("t.zip", bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<DatasetImportException>(() => new SafeArchiveExtractor().Open(zip).Dispose());

        Assert.StartsWith("t.zip is not a readable ZIP archive (corrupt or truncated): ", e.Message);
    }

    [Fact]
    public void OpenRead_RejectsCorruptEntryData()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("c.zip", ("a.txt", Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7 % 251)).ToArray()));
        var bytes = File.ReadAllBytes(zip);
        for (var i = 200; i < 400; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(zip, bytes);
        using var archive = new SafeArchiveExtractor().Open(zip);

        var e = Assert.Throws<DatasetImportException>(() => archive.Entries[0].OpenRead().CopyTo(Stream.Null));

        Assert.StartsWith("c.zip: entry 'a.txt' is corrupt", e.Message);
    }

    [Fact]
    public void Open_RejectsEntryWithDeclaredExpansionPastRatio()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("bomb.zip", ("zeros.bin", new byte[4 * 1024 * 1024]));

        var e = Assert.Throws<DatasetImportException>(() => new SafeArchiveExtractor().Open(zip).Dispose());

        Assert.Matches(@"^bomb\.zip: entry 'zeros\.bin' expands from [\d,]+ to 4,194,304 bytes, more than 200 times \(a ZIP bomb\?\)\.$", e.Message);
    }

    [Fact]
    public void Open_RejectsArchiveDeclaringMoreThanMaxArchiveBytes()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("big.zip", ("a.bin", new byte[3000]), ("b.bin", new byte[3000]));
        var limits = new ImportLimits { MaxArchiveBytes = 5000, SmallEntryBytes = 0, MaxExpansionRatio = 1e6 };

        var e = Assert.Throws<DatasetImportException>(() => new SafeArchiveExtractor(limits).Open(zip).Dispose());

        Assert.StartsWith("big.zip declares 6,000 expanded bytes, more than its limit of 5,000 bytes", e.Message);
    }

    [Fact]
    public void OpenRead_CountsActualBytesAgainstForgedDeclaredSize()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("forged.zip", ("zeros.bin", new byte[200_000]));
        ForgeUncompressedSize(zip, 1000);
        using var archive = new SafeArchiveExtractor().Open(zip);
        Assert.Equal(1000, archive.Entries[0].DeclaredLength);

        var e = Assert.Throws<DatasetImportException>(() => archive.Entries[0].OpenRead().CopyTo(Stream.Null));

        Assert.Equal("forged.zip: entry 'zeros.bin' fails its CRC check after 1,000 bytes (corrupt, or its declared size is forged).", e.Message);
        Assert.Equal(1000, archive.InflatedBytes);
    }

    [Fact]
    public void Open_RejectsTooManyEntries()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("many.zip", ("a", [1]), ("b", [1]), ("c", [1]));

        var e = Assert.Throws<DatasetImportException>(() => new SafeArchiveExtractor(new ImportLimits { MaxEntries = 2 }).Open(zip).Dispose());

        Assert.Equal("many.zip lists 3 entries, more than the limit of 2.", e.Message);
    }

    [Fact]
    public void Open_RejectsArchiveLargerThanLimit()
    {
        var e = Assert.Throws<DatasetImportException>(
            () => new SafeArchiveExtractor(new ImportLimits { MaxArchiveBytes = 1000 }).Open(DatasetFixtures.FigshareZip).Dispose());

        Assert.Equal("brainTumorDataPublic_1-6.zip is 1,647,674 bytes, more than the limit of 1,000 bytes.", e.Message);
    }

    private static void ForgeUncompressedSize(string zip, uint size)
    {
        var bytes = File.ReadAllBytes(zip);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), size);
        for (var i = bytes.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == 0x02014b50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
                break;
            }
        }

        File.WriteAllBytes(zip, bytes);
    }
}
