using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

public sealed class RocAucTests
{
    [Fact]
    public void Of_CountsCorrectlyOrderedPairs()
    {
        // Positives 0.9 and 0.7, negatives 0.8 and 0.1: 3 of 4 pairs are ordered right.
        Assert.Equal(0.75, RocAuc.Of([0.9f, 0.8f, 0.7f, 0.1f], [true, false, true, false]), 12);
    }

    [Fact]
    public void Of_GivesTiesHalfCredit()
    {
        Assert.Equal(0.75, RocAuc.Of([1f, 1f, 0f], [true, false, false]), 12);
        Assert.Equal(0.5, RocAuc.Of([2f, 2f, 2f, 2f], [true, false, true, false]), 12);
    }

    [Fact]
    public void Of_IsOneForAPerfectMapZeroForItsInverseAndNaNWithoutBothClasses()
    {
        bool[] mask = [false, true, true, false, false];
        float[] perfect = [0f, 5f, 4f, 1f, 2f];

        Assert.Equal(1.0, RocAuc.Of(perfect, mask));
        Assert.Equal(0.0, RocAuc.Of(perfect.Select(v => -v).ToArray(), mask));
        Assert.True(double.IsNaN(RocAuc.Of(perfect, new bool[5])));
        Assert.True(double.IsNaN(RocAuc.Of(perfect, Enumerable.Repeat(true, 5).ToArray())));
    }
}
