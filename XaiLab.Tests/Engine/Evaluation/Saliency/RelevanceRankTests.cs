using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

public sealed class RelevanceRankTests
{
    private static readonly bool[] Mask = Enumerable.Range(0, 16).Select(p => p is 0 or 1 or 4 or 5).ToArray();

    [Fact]
    public void Accuracy_IsTheShareOfTheMaskSizedTopThatIsInsideTheMask()
    {
        // Top 4 = pixels 15, 0, 1, 4 (three in the mask); pixel 5 is fifth.
        var map = new float[16];
        map[15] = 9f;
        map[0] = 8f;
        map[1] = 7f;
        map[4] = 6f;
        map[5] = 5f;

        Assert.Equal(0.75, RelevanceRank.Accuracy(map, Mask), 12);
    }

    [Fact]
    public void Accuracy_IsOneForThePerfectMapAndNaNForAnEmptyMask()
    {
        var perfect = Mask.Select(m => m ? 1f : 0f).ToArray();

        Assert.Equal(1.0, RelevanceRank.Accuracy(perfect, Mask));
        Assert.True(double.IsNaN(RelevanceRank.Accuracy(perfect, new bool[16])));
    }
}
