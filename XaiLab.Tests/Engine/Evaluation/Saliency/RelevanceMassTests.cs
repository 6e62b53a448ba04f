using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

public sealed class RelevanceMassTests
{
    private static readonly bool[] Mask = Enumerable.Range(0, 16).Select(p => p is 0 or 1 or 4 or 5).ToArray();

    [Fact]
    public void Accuracy_IsTheShareOfPositiveAttributionInsideTheMask()
    {
        var map = new float[16];
        foreach (var p in new[] { 0, 1, 4, 5 }) map[p] = 1f;
        map[10] = 4f;
        map[11] = -10f;

        Assert.Equal(0.5, RelevanceMass.Accuracy(map, Mask), 12);
    }

    [Fact]
    public void Accuracy_IsOneWhenAllMassIsInside_ZeroWithoutPositiveMass_NaNWithoutMask()
    {
        var inside = new float[16];
        inside[4] = 2f;
        inside[9] = -1f;

        Assert.Equal(1.0, RelevanceMass.Accuracy(inside, Mask));
        Assert.Equal(0.0, RelevanceMass.Accuracy(Enumerable.Repeat(-1f, 16).ToArray(), Mask));
        Assert.True(double.IsNaN(RelevanceMass.Accuracy(inside, new bool[16])));
    }
}
