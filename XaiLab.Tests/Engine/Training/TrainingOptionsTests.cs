using XaiLab.Engine.Training;

namespace XaiLab.Tests.Engine.Training;

public class TrainingOptionsTests
{
    [Theory]
    [InlineData(0, 32, 1e-3, 0.9, "Epochs")]
    [InlineData(1, 0, 1e-3, 0.9, "BatchSize")]
    [InlineData(1, 32, 0, 0.9, "LearningRate")]
    [InlineData(1, 32, 1e-3, 1.0, "Momentum")]
    public void Validate_RejectsInvalidSettings(int epochs, int batch, double lr, double momentum, string parameter)
    {
        var options = new TrainingOptions(Epochs: epochs, BatchSize: batch, LearningRate: lr, Momentum: momentum);

        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(options.Validate).ParamName);
    }

    [Fact]
    public void Defaults_AreThoseDocumented()
    {
        var options = new TrainingOptions();

        Assert.Equal((10, 32, 1e-3, 1e-4, OptimizerKind.AdamW, 0.9, 1, "auto"),
            (options.Epochs, options.BatchSize, options.LearningRate, options.WeightDecay, options.Optimizer,
                options.Momentum, options.Seed, options.Device));
        options.Validate();
    }
}
