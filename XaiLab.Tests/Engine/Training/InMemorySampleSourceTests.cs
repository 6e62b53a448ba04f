using XaiLab.Engine.Imaging;
using XaiLab.Engine.Training;

namespace XaiLab.Tests.Engine.Training;

public class InMemorySampleSourceTests
{
    [Fact]
    public void FromSlices_PreprocessesEverySliceWithItsLabel()
    {
        var preprocessor = new SlicePreprocessor(new PreprocessingOptions(InputSize: 2));

        var source = InMemorySampleSource.FromSlices(
            [new SliceImage(2, 2, [0, 255, 0, 255], 8), new SliceImage(2, 2, [255, 255, 255, 255], 8)], [2, 1], preprocessor);

        Assert.Equal(2, source.Count);
        Assert.Equal([2, 1], new[] { source.Label(0), source.Label(1) });
        Assert.Equal([0f, 1f, 0f, 1f], source.Pixels(0));
    }

    [Fact]
    public void Constructor_RejectsMismatchedSamples()
    {
        Assert.Throws<ArgumentException>(() => new InMemorySampleSource([new float[4]], [0, 1]));
        Assert.Throws<ArgumentException>(() => new InMemorySampleSource([new float[4], new float[3]], [0, 1]));
    }
}
