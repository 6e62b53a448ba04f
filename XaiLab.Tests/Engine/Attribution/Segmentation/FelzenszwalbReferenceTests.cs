using System.IO.Compression;
using System.Text;
using XaiLab.Engine.Attribution.Segmentation;

namespace XaiLab.Tests.Engine.Attribution.Segmentation;

/// <summary>
/// XaiLab's Felzenszwalb against scikit-image's own labels (References/felzenszwalb.bin.gz, made by
/// scripts/pair-reference/felzenszwalb_reference.py with Debian's python3-skimage): noise, flat, ramps, checkers,
/// phantoms from 64 to 512 px, chest X-ray fixtures and a mask, 1 and 3 channels, the six XRAI scales.
/// </summary>
public class FelzenszwalbReferenceTests
{
    public static TheoryData<string> Cases() => [.. ReadReferences().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Labels_EqualScikitImages(string name)
    {
        var reference = ReadReferences().Single(c => c.Name == name);
        var (h, w, c) = (reference.Height, reference.Width, reference.Channels);
        // The reference's pixels are (H, W, C) uint8, segmented as pixel * (1 / 255) in float64; XaiLab takes [C, H, W].
        var image = new double[c * h * w];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                for (var k = 0; k < c; k++)
                    image[k * h * w + y * w + x] = reference.Pixels[(y * w + x) * c + k] * (1.0 / 255.0);

        var labellings = FelzenszwalbSegmentation.SegmentAtScales(image, c, h, w, reference.Scales, reference.Sigma, reference.MinSize);

        for (var s = 0; s < reference.Scales.Length; s++)
        {
            var expected = reference.Labels[s];
            var actual = labellings[s];
            var differing = expected.Zip(actual).Count(p => p.First != p.Second);
            Assert.True(differing == 0,
                $"{name} at scale {reference.Scales[s]}: {differing} of {expected.Length} pixels differ; segments {expected.Max() + 1} expected, {actual.Max() + 1} computed");
        }
    }

    [Fact]
    public void References_CoverTheIssuesRange()
    {
        var references = ReadReferences();
        Assert.True(references.Count >= 20);
        Assert.Contains(references, r => r.Channels == 3);
        Assert.Contains(references, r => r.Height == 512);
        Assert.Contains(references, r => r.Height <= 64);
        Assert.Contains(references, r => r.Scales.SequenceEqual([50.0, 100, 150, 250, 500, 1200]) && r.MinSize == 150);
    }

    private sealed record Reference(string Name, int Height, int Width, int Channels, int MinSize, double Sigma, double[] Scales, byte[] Pixels, int[][] Labels);

    private static List<Reference>? cache;

    private static List<Reference> ReadReferences()
    {
        if (cache is not null) return cache;
        var path = Path.Combine(AppContext.BaseDirectory, "Engine", "Attribution", "Segmentation", "References", "felzenszwalb.bin.gz");
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        Assert.Equal("XLFZ1", Encoding.ASCII.GetString(reader.ReadBytes(5)));
        var count = reader.ReadInt32();
        var result = new List<Reference>(count);
        for (var i = 0; i < count; i++)
        {
            var name = Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadInt32()));
            int h = reader.ReadInt32(), w = reader.ReadInt32(), c = reader.ReadInt32(), minSize = reader.ReadInt32();
            var sigma = reader.ReadDouble();
            var scales = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadDouble()).ToArray();
            var pixels = reader.ReadBytes(h * w * c);
            var labels = scales.Select(_ => Enumerable.Range(0, h * w).Select(_ => reader.ReadInt32()).ToArray()).ToArray();
            result.Add(new Reference(name, h, w, c, minSize, sigma, scales, pixels, labels));
        }
        return cache = result;
    }
}
