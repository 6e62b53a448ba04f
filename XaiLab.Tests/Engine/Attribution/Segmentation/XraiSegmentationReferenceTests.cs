using System.IO.Compression;
using System.Text;
using XaiLab.Engine.Attribution.Segmentation;

namespace XaiLab.Tests.Engine.Attribution.Segmentation;

/// <summary>
/// XRAI's segmentation against PAIR saliency's own <c>_get_segments_felzenszwalb</c> (References/xrai-segments.bin.gz,
/// made by scripts/pair-reference/xrai_segments_reference.py from a PAIR checkout and Debian's scikit-image): the
/// normalised, resized 224 x 224 image and the six labellings PAIR unpacks into masks, for phantoms from 48 to 300 px
/// (up- and downsampled), a 3-channel one, noise and chest X-ray fixtures.
/// </summary>
public class XraiSegmentationReferenceTests
{
    private static readonly double[] Scales = [50, 100, 150, 250, 500, 1200];

    public static TheoryData<string> Cases() => [.. ReadReferences().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ResizedImageAndLabellings_EqualPairs(string name)
    {
        var reference = ReadReferences().Single(c => c.Name == name);
        var (h, w, c) = (reference.Height, reference.Width, reference.Channels);
        var image = ToChw(reference.Pixels, h, w, c);

        if (reference.Resized is { } resized)
        {
            var ours = SkimageResize.Resize(XraiSegmentation.Normalise(image), c, h, w, 224, 224);
            var expected = ToChw(resized, 224, 224, c);
            var worst = expected.Zip(ours).Max(p => Math.Abs(p.First - p.Second));
            var differing = expected.Zip(ours).Count(p => p.First != p.Second);
            Assert.True(differing == 0, $"{name}: {differing} resized values differ from scikit-image's, by at most {worst}");
        }

        var labellings = XraiSegmentation.Labellings(image, c, h, w, 224, Scales, 0.8, 150);
        Assert.Equal(reference.Labels.Length, labellings.Length);
        for (var s = 0; s < labellings.Length; s++)
        {
            var differing = reference.Labels[s].Zip(labellings[s]).Count(p => p.First != p.Second);
            Assert.True(differing == 0, $"{name} at scale {Scales[s]}: {differing} of {h * w} pixels differ from PAIR's labels");
        }
    }

    private static float[] ToChw(float[] hwc, int h, int w, int c)
    {
        var result = new float[hwc.Length];
        for (var i = 0; i < h * w; i++)
            for (var k = 0; k < c; k++)
                result[k * h * w + i] = hwc[i * c + k];
        return result;
    }

    private sealed record Reference(string Name, int Height, int Width, int Channels, float[] Pixels, float[]? Resized, int[][] Labels);

    private static List<Reference>? cache;

    private static List<Reference> ReadReferences()
    {
        if (cache is not null) return cache;
        var path = Path.Combine(AppContext.BaseDirectory, "Engine", "Attribution", "Segmentation", "References", "xrai-segments.bin.gz");
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        Assert.Equal("XLXS1", Encoding.ASCII.GetString(reader.ReadBytes(5)));
        var count = reader.ReadInt32();
        var result = new List<Reference>(count);
        for (var i = 0; i < count; i++)
        {
            var name = Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadInt32()));
            int h = reader.ReadInt32(), w = reader.ReadInt32(), c = reader.ReadInt32();
            var pixels = Floats(reader, h * w * c);
            var resized = reader.ReadInt32() == 1 ? Floats(reader, 224 * 224 * c) : null;
            var labels = Enumerable.Range(0, reader.ReadInt32()).Select(_ => Enumerable.Range(0, h * w).Select(_ => reader.ReadInt32()).ToArray()).ToArray();
            result.Add(new Reference(name, h, w, c, pixels, resized, labels));
        }
        return cache = result;
    }

    private static float[] Floats(BinaryReader reader, int count) => Enumerable.Range(0, count).Select(_ => reader.ReadSingle()).ToArray();
}
