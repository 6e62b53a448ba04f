using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

public sealed class PointingGameTests
{
    // A 4 x 4 image whose mask is the top-left 2 x 2 block: pixels 0, 1, 4, 5.
    private static readonly bool[] Mask = Enumerable.Range(0, 16).Select(p => p is 0 or 1 or 4 or 5).ToArray();

    [Theory]
    [InlineData(5, true)]
    [InlineData(15, false)]
    [InlineData(2, false)]
    public void Hit_IsTrueOnlyWhenTheMaximumIsInsideTheMask(int peak, bool expected)
    {
        var map = new float[16];
        map[peak] = 3f;

        Assert.Equal(expected, PointingGame.Hit(map, Mask));
    }

    [Fact]
    public void Hit_TieGoesToTheFirstPixel()
    {
        var map = new float[16];
        map[3] = 1f;
        map[5] = 1f;

        Assert.False(PointingGame.Hit(map, Mask));
        map[3] = 0.5f;
        Assert.True(PointingGame.Hit(map, Mask));
    }

    [Fact]
    public void Hit_RejectsMismatchedLengthsAndNonFiniteMaps()
    {
        Assert.Throws<ArgumentException>(() => PointingGame.Hit(new float[15], Mask));
        var map = new float[16];
        map[0] = float.NaN;
        Assert.Throws<ArgumentException>(() => PointingGame.Hit(map, Mask));
    }
}
