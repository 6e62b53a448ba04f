using XaiLab.Engine.Models;
using XaiLab.Engine.Training;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Tests.Web.Services.Runs;

public class RunConfigFactoryTests
{
    [Fact]
    public void Create_PaperPreset_IsTable4WithExplicitFieldsOverriding()
    {
        var config = RunConfigFactory.Create(new CreateRunRequest(1, null, Epochs: 2, null, null, null, null, null, Preset: "paper")).Single();

        Assert.Equal(("paper", "sgd", 0.9395, "time-decay", 3e-4, 0.0, "flatten"),
            (config.Preset, config.Optimizer, config.Momentum, config.Schedule, config.Decay, config.WeightDecay, config.Head));
        Assert.Equal((2, 225, 32, 1e-3, false, false, (int?)null),
            (config.Epochs, config.ImageSize, config.BatchSize, config.LearningRate, config.Augment, config.ClassWeights, config.EarlyStoppingPatience));
        var options = RunConfigFactory.ToTrainingOptions(config);
        Assert.Equal(TrainingPresets.Paper.Training with { Epochs = 2, Device = "auto" }, options);
        Assert.Equal(HeadKind.Flatten, RunConfigFactory.ToHead(config));
    }

    [Fact]
    public void Create_DefaultPreset_TurnsOnTheImprovements()
    {
        var options = RunConfigFactory.ToTrainingOptions(RunConfigFactory.Create(
            new CreateRunRequest(1, null, null, null, null, null, null, null, Preset: "default", ClassWeights: false)).Single());

        Assert.Equal((OptimizerKind.AdamW, LearningRateScheduleKind.Cosine, true, false, (int?)5),
            (options.Optimizer, options.Schedule, options.Augmentation is { Enabled: true }, options.ClassWeighting, options.EarlyStoppingPatience));
    }

    [Fact]
    public void Create_WithoutPreset_KeepsTheFoundationDefaults()
    {
        var config = RunConfigFactory.Create(new CreateRunRequest(1, null, null, null, null, null, null, null)).Single();

        Assert.Equal((null, "smallcnn", 8, 64, 32, 0.002, 1, "auto", "adamw", "constant", "gap"),
            (config.Preset, config.Architecture, config.Epochs, config.ImageSize, config.BatchSize, config.LearningRate, config.Seed,
                config.Device, config.Optimizer, config.Schedule, config.Head));
    }

    [Fact]
    public void Create_Sweep_MakesOneConfigPerArchitectureAndSeed()
    {
        var configs = RunConfigFactory.Create(new CreateRunRequest(1, "vgg16", null, null, null, null, 9, null,
            Architectures: ["smallcnn", "vgg16"], Seeds: [1, 2, 3]));

        Assert.Equal(["smallcnn:1", "smallcnn:2", "smallcnn:3", "vgg16:1", "vgg16:2", "vgg16:3"],
            configs.Select(c => $"{c.Architecture}:{c.Seed}"));
    }

    [Theory]
    [InlineData("preset", "Unknown preset 'fast'")]
    [InlineData("optimizer", "Unknown optimizer 'rmsprop'")]
    [InlineData("schedule", "Unknown schedule 'step'")]
    [InlineData("patience", "earlyStoppingPatience")]
    public void Create_RejectsUnknownNamesWithAClearMessage(string field, string message)
    {
        var request = new CreateRunRequest(1, null, null, null, null, null, null, null,
            Preset: field == "preset" ? "fast" : null,
            Optimizer: field == "optimizer" ? "rmsprop" : null,
            Schedule: field == "schedule" ? "step" : null,
            EarlyStoppingPatience: field == "patience" ? 0 : null);

        Assert.Contains(message, Assert.Throws<RequestValidationException>(() => RunConfigFactory.Create(request)).Message);
    }
}
