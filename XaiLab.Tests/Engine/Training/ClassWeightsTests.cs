using XaiLab.Engine.Training;

namespace XaiLab.Tests.Engine.Training;

public class ClassWeightsTests
{
    [Fact]
    public void Balanced_MatchesScikitLearn()
    {
        // sklearn.utils.class_weight.compute_class_weight("balanced", classes=[0,1,2], y=[0]*6+[1]*3+[2]) = [0.5556, 1.1111, 3.3333]
        int[] labels = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2];

        var weights = ClassWeights.Balanced(labels, 3);

        Assert.Equal(10 / 18.0, weights[0], 5);
        Assert.Equal(10 / 9.0, weights[1], 5);
        Assert.Equal(10 / 3.0, weights[2], 5);
    }

    [Fact]
    public void Balanced_AbsentClassGetsZero_AndBadLabelsThrow()
    {
        Assert.Equal([2f / 3, 2f / 3, 0f], ClassWeights.Balanced([0, 1], 3));
        Assert.Throws<ArgumentException>(() => ClassWeights.Balanced([0, 3], 3));
    }
}
