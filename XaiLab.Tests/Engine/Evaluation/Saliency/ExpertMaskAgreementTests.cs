using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

public sealed class ExpertMaskAgreementTests
{
    [Fact]
    public void Share_CountsSlicesWhoseTop30PercentRegionReachesTheIouThreshold()
    {
        // 10 pixels: the top 30% region is 3 pixels.
        var mask = Enumerable.Range(0, 10).Select(p => p < 3).ToArray();
        float[] exact = [3, 2, 1, 0, 0, 0, 0, 0, 0, 0];        // IoU 1
        float[] twoOfThree = [3, 2, 0, 1, 0, 0, 0, 0, 0, 0];   // IoU 2/4 = 0.5
        float[] miss = [0, 0, 0, 3, 2, 1, 0, 0, 0, 0];         // IoU 0
        (float[], bool[])[] slices = [(exact, mask), (twoOfThree, mask), (miss, mask)];

        Assert.Equal(2.0 / 3.0, ExpertMaskAgreement.Share(slices), 12);
        Assert.Equal(1.0 / 3.0, ExpertMaskAgreement.Share(slices, threshold: 0.6), 12);
        Assert.Equal(0.0, ExpertMaskAgreement.Share(slices, threshold: 0.5, percent: 10), 12);
    }
}
