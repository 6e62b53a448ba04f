using XaiLab.Engine.Training;

namespace XaiLab.Tests.Engine.Training;

public class EarlyStoppingTests
{
    [Fact]
    public void Update_StopsAfterPatienceEpochsWithoutImprovement()
    {
        var stopping = new EarlyStopping(patience: 2);

        Assert.False(stopping.Update(1.0));
        Assert.False(stopping.Update(0.8));
        Assert.False(stopping.Update(0.9));
        Assert.False(stopping.Update(0.7));
        Assert.False(stopping.Update(0.7));
        Assert.True(stopping.Update(0.75));
        Assert.Equal((0.7, 2), (stopping.Best!.Value, stopping.EpochsWithoutImprovement));
    }

    [Fact]
    public void Constructor_ContinuesFromCheckpointState()
    {
        var stopping = new EarlyStopping(patience: 2, best: 0.5, epochsWithoutImprovement: 1);

        Assert.True(stopping.Update(0.6));
    }
}
