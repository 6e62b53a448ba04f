using XaiLab.Engine.Imaging;

namespace XaiLab.Tests.Engine.Imaging;

public class SlicePreprocessorTests
{
    [Fact]
    public void Preprocess_ScalesByBitDepth()
    {
        var preprocessor = new SlicePreprocessor(new PreprocessingOptions(InputSize: 2));

        var eightBit = preprocessor.Preprocess(new SliceImage(2, 2, [0, 255, 51, 102], BitDepth: 8));
        var twelveBit = preprocessor.Preprocess(new SliceImage(2, 2, [0, 4095, 0, 0], BitDepth: 12));

        Assert.Equal([0f, 1f, 0.2f, 0.4f], eightBit);
        Assert.Equal(1f, twelveBit[1]);
    }

    [Fact]
    public void Preprocess_ResizesZScoresAndReplicatesChannels()
    {
        var stats = new NormalizationStats(Mean: 0.5, Std: 0.25);
        var preprocessor = new SlicePreprocessor(new PreprocessingOptions(InputSize: 4, Channels: 3, Stats: stats));

        var result = preprocessor.Preprocess(new SliceImage(2, 2, [0, 255, 0, 255], BitDepth: 8));

        Assert.Equal(3 * 16, result.Length);
        Assert.Equal(preprocessor.SampleLength, result.Length);
        // Row 0 of the resized plane is [0, 0.25, 0.75, 1]; z-scored: [-2, -1, 1, 2].
        Assert.Equal([-2f, -1f, 1f, 2f], result[..4]);
        Assert.Equal(result[..16], result[16..32]);
        Assert.Equal(result[..16], result[32..]);
    }

    [Fact]
    public void FromImages_ComputesMeanAndPopulationStd()
    {
        var stats = NormalizationStats.FromImages([
            new SliceImage(1, 2, [0, 255], BitDepth: 8),
            new SliceImage(1, 2, [0, 255], BitDepth: 8),
        ]);

        Assert.Equal(0.5, stats.Mean, 12);
        Assert.Equal(0.5, stats.Std, 12);
    }

    [Fact]
    public void FromImages_RejectsEmptySet()
    {
        Assert.Throws<ArgumentException>(() => NormalizationStats.FromImages([]));
    }

    [Fact]
    public void Constructor_RejectsInvalidOptions()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlicePreprocessor(new PreprocessingOptions(InputSize: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlicePreprocessor(new PreprocessingOptions(Channels: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new SlicePreprocessor(new PreprocessingOptions(Stats: new NormalizationStats(0, 0))));
    }

    [Fact]
    public void ResizeThenNormalize_IsPreprocess()
    {
        var random = new Random(5);
        var image = new SliceImage(37, 29, Enumerable.Range(0, 37 * 29).Select(_ => (ushort)random.Next(4096)).ToArray(), BitDepth: 12);
        var preprocessor = new SlicePreprocessor(new PreprocessingOptions(24, 3, new NormalizationStats(0.4, 0.2)));

        var plane = SlicePreprocessor.Resize(image, 24);

        Assert.Equal(preprocessor.Preprocess(image), preprocessor.Normalize(plane));
    }

    [Fact]
    public void Normalize_RejectsAPlaneOfAnotherSize()
    {
        var preprocessor = new SlicePreprocessor(new PreprocessingOptions(8));

        var error = Assert.Throws<ArgumentException>(() => preprocessor.Normalize(new float[7 * 7]));

        Assert.Contains("8x8", error.Message);
    }

    [Fact]
    public void FromPlanes_MatchesTheTwoPassDefinition()
    {
        var random = new Random(9);
        var planes = Enumerable.Range(0, 5).Select(i => Enumerable.Range(0, 50 + 13 * i).Select(_ => (float)random.NextDouble() * (i + 1)).ToArray()).ToList();
        var all = planes.SelectMany(p => p).Select(v => (double)v).ToArray();
        var mean = all.Average();
        var std = Math.Sqrt(all.Average(v => (v - mean) * (v - mean)));

        var stats = NormalizationStats.FromPlanes(planes.Select(p => (ReadOnlyMemory<float>)p));

        Assert.Equal(mean, stats.Mean, 10);
        Assert.Equal(std, stats.Std, 10);
    }
}
