using System.Buffers.Binary;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Images;

namespace XaiLab.Tests.Engine.Datasets.Images;

public sealed class SliceImageDecoderTests
{
    [Fact]
    public void Decode_Gray16PngKeepsAllBits()
    {
        var image = SliceImageDecoder.Decode(TestImages.Png(3, 2, 16, 0, (x, y) => [x * 20000 + y]), "a.png");

        Assert.Equal((3, 2, 16), (image.Width, image.Height, image.BitDepth));
        Assert.Equal(new ushort[] { 0, 20000, 40000, 1, 20001, 40001 }, image.Pixels);
    }

    [Fact]
    public void Decode_RefusesAnImageThatDeclaresFarMorePixelsThanItsBytesCanHold()
    {
        // 8192 x 8192 16-bit of one value: a few hundred kilobytes that would decode to 128 MiB (the probe's upload).
        var bomb = TestImages.Png(8192, 8192, 16, 0, (x, y) => [0], System.IO.Compression.CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < 8192L * 8192 / 200, $"{bomb.Length:N0} bytes");
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<DatasetImportException>(() => SliceImageDecoder.Decode(new MemoryStream(bomb), "bomb.png"));

        Assert.Contains("declares 8192x8192 pixels", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 16L << 20, "refused before decoding");
        // A large image with real content passes: 1200 x 1100 of noise.
        var random = new Random(3);
        var real = SliceImageDecoder.Decode(TestImages.Png(1200, 1100, 16, 0, (x, y) => [random.Next(65536)]), "scan.png");
        Assert.Equal((1200, 1100), (real.Width, real.Height));
    }

    [Fact]
    public void Decode_ColourAndAlphaPngsBecomeLuminance()
    {
        var rgb16 = SliceImageDecoder.Decode(TestImages.Png(1, 1, 16, 2, (x, y) => [60000, 30000, 0]), "a.png");
        var grayAlpha = SliceImageDecoder.Decode(TestImages.Png(1, 1, 8, 4, (x, y) => [77, 0]), "b.png");
        var rgba = SliceImageDecoder.Decode(TestImages.Png(1, 1, 8, 6, (x, y) => [255, 255, 255, 10]), "c.png");

        Assert.Equal((ushort)35550, rgb16.Pixels[0]);
        Assert.Equal((ushort)77, grayAlpha.Pixels[0]);
        Assert.Equal((ushort)255, rgba.Pixels[0]);
    }

    [Fact]
    public void Decode_RgbFixtureMatchesItsLuminance()
    {
        var path = Path.Combine(DatasetFixtures.CovidFolder, "COVID", "images", "COVID-2.png");

        var image = SliceImageDecoder.Decode(File.ReadAllBytes(path), "COVID-2.png");

        Assert.Equal((299, 299, 8), (image.Width, image.Height, image.BitDepth));
        Assert.Contains(image.Pixels, p => p > 0);
    }

    [Fact]
    public void Decode_Tiff16AndBmp()
    {
        var tiff = SliceImageDecoder.Decode(TestImages.Tiff(2, 2, 16, (x, y) => 30000 + x + 2 * y), "a.tif");
        var bmp = SliceImageDecoder.Decode(Bmp24(2, 2), "b.bmp");

        Assert.Equal(new ushort[] { 30000, 30001, 30002, 30003 }, tiff.Pixels);
        Assert.Equal(16, tiff.BitDepth);
        Assert.Equal((2, 2, 8), (bmp.Width, bmp.Height, bmp.BitDepth));
        Assert.Equal(new ushort[] { 10, 10, 10, 10 }, bmp.Pixels);
    }

    [Fact]
    public void Decode_RejectsTruncatedPng()
    {
        var png = TestImages.Gray8(64, 64, (x, y) => (x * y) & 0xFF);

        var e = Assert.Throws<DatasetImportException>(() => SliceImageDecoder.Decode(png[..60], "t.png"));

        Assert.Equal("t.png is a truncated PNG (chunk runs past the end of the file).", e.Message);
    }

    [Fact]
    public void Decode_RejectsPngWhoseDataDoesNotFillTheImage()
    {
        var small = TestImages.Gray8(4, 4, (x, y) => 1);
        BinaryPrimitives.WriteInt32BigEndian(small.AsSpan(20), 40);

        var e = Assert.Throws<DatasetImportException>(() => SliceImageDecoder.Decode(small, "lies.png"));

        Assert.Equal("lies.png is a corrupt or truncated PNG (image data does not inflate to its declared size).", e.Message);
    }

    [Fact]
    public void Decode_RejectsCompressedTiff()
    {
        var tiff = TestImages.Tiff(2, 2, 8, (x, y) => 0);
        var compressionTag = tiff.AsSpan().IndexOf(new byte[] { 3, 1, 3, 0, 1, 0, 0, 0, 1, 0 });
        tiff[compressionTag + 8] = 5;

        var e = Assert.Throws<DatasetImportException>(() => SliceImageDecoder.Decode(tiff, "lzw.tif"));

        Assert.Equal("lzw.tif: compressed TIFF is not supported (only uncompressed baseline TIFF); convert it to PNG.", e.Message);
    }

    [Fact]
    public void Decode_RejectsTruncatedTiff()
    {
        var tiff = TestImages.Tiff(4, 4, 8, (x, y) => 0);
        var stripOffsets = tiff.AsSpan().IndexOf(new byte[] { 17, 1, 4, 0, 1, 0, 0, 0 });
        tiff[stripOffsets + 8] = 250;

        var e = Assert.Throws<DatasetImportException>(() => SliceImageDecoder.Decode(tiff, "cut.tif"));

        Assert.Equal("cut.tif is a truncated TIFF (strip 0 runs past the end of the file).", e.Message);
    }

    [Fact]
    public void Decode_RejectsSideAboveLimit()
    {
        var png = TestImages.Gray8(20, 10, (x, y) => 0);

        var e = Assert.Throws<DatasetImportException>(() => SliceImageDecoder.Decode(png, "w.png", new ImportLimits { MaxImageSide = 16 }));

        Assert.Equal("w.png declares 20x10 pixels; each side must be between 1 and 16.", e.Message);
    }

    [Fact]
    public void Decode_StreamRejectsOversizedFileBeforeReadingItAll()
    {
        var limits = new ImportLimits { MaxImageSide = 16 };
        var stream = new MemoryStream(new byte[64 << 20]);

        var e = Assert.Throws<DatasetImportException>(() => SliceImageDecoder.Decode(stream, "huge.png", limits));

        Assert.Equal("huge.png is larger than 16,779,264 bytes, more than any image of at most 16 pixels a side.", e.Message);
        Assert.True(stream.Position < 20 << 20);
    }

    [Fact]
    public void Decode_StreamChecksHeaderBeforeReadingTheRest()
    {
        var png = TestImages.Gray8(20, 10, (x, y) => 0);
        var stream = new MemoryStream(png.Concat(new byte[1 << 20]).ToArray());

        var e = Assert.Throws<DatasetImportException>(() => SliceImageDecoder.Decode(stream, "w.png", new ImportLimits { MaxImageSide = 16 }));

        Assert.Equal("w.png declares 20x10 pixels; each side must be between 1 and 16.", e.Message);
        Assert.Equal(64 * 1024, stream.Position);
    }

    [Fact]
    public void Decode_RejectsCorruptJpeg()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 4, 0, 4, 1, 1, 0x11, 0, 0xFF, 0xD9];

        var e = Assert.Throws<DatasetImportException>(() => SliceImageDecoder.Decode(jpeg, "bad.jpg"));

        Assert.StartsWith("bad.jpg is corrupt", e.Message);
    }

    private static byte[] Bmp24(int width, int height)
    {
        var rowBytes = (width * 3 + 3) & ~3;
        var bmp = new byte[54 + rowBytes * height];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        for (var i = 54; i < bmp.Length; i++)
        {
            bmp[i] = 10;
        }

        return bmp;
    }
}
