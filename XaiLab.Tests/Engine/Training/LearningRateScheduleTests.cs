using XaiLab.Engine.Training;

namespace XaiLab.Tests.Engine.Training;

public class LearningRateScheduleTests
{
    [Theory]
    [InlineData(0, 1e-3)]
    [InlineData(1, 1e-3 / 1.0003)]
    [InlineData(1000, 1e-3 / 1.3)]
    [InlineData(10000, 1e-3 / 4.0)]
    public void TimeBasedDecay_IsThePapersKerasFormula(long iteration, double expected)
    {
        var options = TrainingPresets.Paper.Training;

        Assert.Equal(expected, LearningRateSchedule.At(options, iteration, 20000), 12);
    }

    [Theory]
    [InlineData(0, 0.01)]
    [InlineData(25, 0.01 * 0.5 * (1 + 0.70710678118654757))]
    [InlineData(50, 0.005)]
    [InlineData(100, 0)]
    public void Cosine_FallsFromTheBaseRateToZero(long iteration, double expected)
    {
        var options = new TrainingOptions(LearningRate: 0.01, Schedule: LearningRateScheduleKind.Cosine);

        Assert.Equal(expected, LearningRateSchedule.At(options, iteration, 100), 12);
    }

    [Fact]
    public void Constant_IgnoresTheIterationAndDecay()
    {
        var options = new TrainingOptions(LearningRate: 0.02, Decay: 0.5);

        Assert.Equal(0.02, LearningRateSchedule.At(options, 12345, 20000));
    }
}
