using XaiLab.Engine.Datasets.Caching;
using XaiLab.Engine.Imaging;
using XaiLab.Engine.Training;

namespace XaiLab.Tests.Engine.Datasets.Caching;

public sealed class ResizedSliceCacheTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("xailab-cache-");

    private string PathOf(string name) => Path.Combine(folder.FullName, name);

    [Fact]
    public void WriteThenOpen_ReturnsEveryPlaneByRowAndSliceId()
    {
        var images = Images(6, seed: 1);
        var path = PathOf("a.f32");

        ResizedSliceCache.Write(path, 16, images.Count, images.Select((image, i) => (100 + i, SlicePreprocessor.Resize(image, 16))));
        using var cache = ResizedSliceCache.Open(path);

        Assert.Equal(16, cache.Size);
        Assert.Equal(Enumerable.Range(100, 6), cache.SliceIds);
        for (var i = 0; i < images.Count; i++)
        {
            Assert.Equal(i, cache.RowOf(100 + i));
            Assert.Equal(SlicePreprocessor.Resize(images[i], 16), cache.Plane(i));
        }
        Assert.Throws<KeyNotFoundException>(() => cache.RowOf(7));
    }

    [Fact]
    public void CachedSampleSource_GivesTheSameTensorsAsPreprocess()
    {
        var images = Images(5, seed: 2);
        var path = PathOf("b.f32");
        ResizedSliceCache.Write(path, 12, images.Count, images.Select((image, i) => (i, SlicePreprocessor.Resize(image, 12))));
        using var cache = ResizedSliceCache.Open(path);
        var preprocessor = new SlicePreprocessor(new PreprocessingOptions(12, 3, new NormalizationStats(0.3, 0.1)));

        var source = new CachedSampleSource(cache, [4, 0, 2], [2, 0, 1], preprocessor);

        Assert.Equal(3, source.Count);
        Assert.Equal(2, source.Label(0));
        Assert.Equal(preprocessor.Preprocess(images[4]), source.Pixels(0));
        Assert.Equal(preprocessor.Preprocess(images[2]), source.Pixels(2));
        Assert.Throws<ArgumentException>(() => new CachedSampleSource(cache, [0], [0], new SlicePreprocessor(new PreprocessingOptions(16))));
    }

    [Fact]
    public void Write_FailingMidway_LeavesNothingBehind()
    {
        var path = PathOf("c.f32");

        Assert.Throws<InvalidOperationException>(() => ResizedSliceCache.Write(path, 4, 3, Planes()));

        Assert.Empty(folder.GetFiles());

        static IEnumerable<(int, float[])> Planes()
        {
            yield return (1, new float[16]);
            throw new InvalidOperationException("decode failed");
        }
    }

    [Fact]
    public void Write_FewerPlanesThanAnnounced_Fails()
    {
        var path = PathOf("d.f32");

        var error = Assert.Throws<ArgumentException>(() => ResizedSliceCache.Write(path, 4, 3, [(1, new float[16])]));

        Assert.Contains("3 were announced", error.Message);
        Assert.Empty(folder.GetFiles());
    }

    [Fact]
    public void Open_TruncatedOrForeignFile_IsRejected()
    {
        var path = PathOf("e.f32");
        ResizedSliceCache.Write(path, 4, 2, [(1, new float[16]), (2, new float[16])]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^4]);

        Assert.Throws<InvalidDataException>(() => ResizedSliceCache.Open(path));

        File.WriteAllBytes(path, "PNG not a cache"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => ResizedSliceCache.Open(path));
    }

    private static List<SliceImage> Images(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => new SliceImage(20 + i, 18, Enumerable.Range(0, (20 + i) * 18).Select(_ => (ushort)random.Next(65536)).ToArray()))
            .ToList();
    }

    public void Dispose() => folder.Delete(recursive: true);
}
