using SkiaSharp;
using XaiLab.Engine.Datasets.Phantoms;
using XaiLab.Engine.Imaging;

namespace XaiLab.Tests.Engine.Imaging;

public class Png16CodecTests
{
    [Fact]
    public void EncodeDecode_RoundTrips16BitExactly()
    {
        var random = new Random(3);
        var pixels = Enumerable.Range(0, 37 * 23).Select(_ => (ushort)random.Next(0, 65536)).ToArray();
        var image = new SliceImage(37, 23, pixels);

        var decoded = Png16Codec.Decode(Png16Codec.Encode(image));

        Assert.Equal((37, 23, 16), (decoded.Width, decoded.Height, decoded.BitDepth));
        Assert.Equal(pixels, decoded.Pixels);
    }

    [Fact]
    public void EncodeDecode_KeepsTwelveBitDepth()
    {
        var image = new SliceImage(4, 2, [0, 1, 4095, 2048, 7, 300, 4000, 12], BitDepth: 12);

        var decoded = Png16Codec.Decode(new MemoryStream(Png16Codec.Encode(image)));

        Assert.Equal(12, decoded.BitDepth);
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Fact]
    public void EncodeDecode_RoundTripsPhantomSlice()
    {
        var slice = PhantomGenerator.Generate(new PhantomOptions(Slices: 3, Size: 64, SlicesPerPatient: 1)).First();

        var decoded = Png16Codec.Decode(Png16Codec.Encode(slice.Image));

        Assert.Equal(slice.Image.Pixels, decoded.Pixels);
    }

    [Fact]
    public void Encode_EightBitImage_WritesAnEightBitPngThatSkiaReads()
    {
        var pixels = Enumerable.Range(0, 16 * 8).Select(i => (ushort)(i * 2)).ToArray();
        var png = Png16Codec.Encode(new SliceImage(16, 8, pixels, BitDepth: 8));

        Assert.Equal(8, png[24]);
        Assert.Equal(0, png[25]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((16, 8), (bitmap.Width, bitmap.Height));
        Assert.Equal(pixels[5 * 16 + 3], bitmap.GetPixel(3, 5).Red);
        Assert.Equal(pixels, Png16Codec.Decode(png).Pixels);
        Assert.Equal(8, Png16Codec.Decode(png).BitDepth);
    }

    [Fact]
    public void Encode_SixteenBitPng_IsReadableBySkia()
    {
        var png = Png16Codec.Encode(new SliceImage(3, 1, [0, 32896, 65535]));

        using var bitmap = SKBitmap.Decode(png);

        Assert.NotNull(bitmap);
        Assert.Equal(0, bitmap.GetPixel(0, 0).Red);
        Assert.Equal(255, bitmap.GetPixel(2, 0).Red);
    }

    [Fact]
    public void Decode_RejectsCorruptedChunk()
    {
        var png = Png16Codec.Encode(new SliceImage(2, 2, [1, 2, 3, 4]));
        png[20] ^= 0xFF;

        Assert.Throws<InvalidDataException>(() => Png16Codec.Decode(png));
    }

    [Fact]
    public void Decode_RejectsNonPng()
    {
        Assert.Throws<InvalidDataException>(() => Png16Codec.Decode("not a png at all"u8.ToArray()));
    }

    [Fact]
    public void EncodeMask_RoundTripsAndStores0And255()
    {
        var mask = new BinaryMask(3, 2, [true, false, false, true, true, false]);

        var png = Png16Codec.EncodeMask(mask);

        Assert.Equal(mask.Values, Png16Codec.DecodeMask(png).Values);
        Assert.Equal([255, 0, 0, 255, 255, 0], Png16Codec.Decode(png).Pixels.Select(p => (int)p));
    }
}
