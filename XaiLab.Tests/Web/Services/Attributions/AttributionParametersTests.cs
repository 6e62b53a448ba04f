using XaiLab.Data.Entities;
using XaiLab.Web.Services.Attributions;

namespace XaiLab.Tests.Web.Services.Attributions;

public sealed class AttributionParametersTests
{
    private static readonly TrainingRun Run = new()
    {
        Id = 4, Architecture = "smallcnn", Device = "cpu", CheckpointPath = "runs/4/checkpoint.bin", CompletedEpochs = 2,
    };

    [Fact]
    public void Describe_KeepsOnlyTheParametersAMethodUses()
    {
        Assert.Equal("defaults", AttributionParameters.Describe("grad-cam", 8, 3));
        Assert.Equal("steps=8", AttributionParameters.Describe("integrated-gradients", 8, 3));
        Assert.Equal("steps=default;segments=pair", AttributionParameters.Describe("xrai", null, 3));
        Assert.Equal("steps=8;segments=pair", AttributionParameters.Describe("xrai-top30", 8, 3));
        Assert.Equal("seed=3;magnitude=true", AttributionParameters.Describe("smooth-vanilla-gradient", 8, 3));
        Assert.Equal("seed=3;magnitude=false", AttributionParameters.Describe("smooth-vanilla-gradient", 8, 3, magnitude: false));
        Assert.Equal("steps=8;seed=3;magnitude=true", AttributionParameters.Describe("smooth-integrated-gradients", 8, 3));
        Assert.Equal("window=auto", AttributionParameters.Describe("occlusion", 8, 3));
    }

    [Fact]
    public void CacheKey_ChangesWithWeightsMethodSliceAndParametersOnly()
    {
        var key = AttributionParameters.CacheKey(Run, "integrated-gradients", 7, "h", "steps=8");

        Assert.Equal(key, AttributionParameters.CacheKey(Run, "integrated-gradients", 7, "h", "steps=8"));
        Assert.NotEqual(key, AttributionParameters.CacheKey(Run, "integrated-gradients", 7, "h", "steps=9"));
        Assert.NotEqual(key, AttributionParameters.CacheKey(Run, "blur-ig", 7, "h", "steps=8"));
        Assert.NotEqual(key, AttributionParameters.CacheKey(Run, "integrated-gradients", 8, "h", "steps=8"));
        Assert.NotEqual(key, AttributionParameters.CacheKey(Run, "integrated-gradients", 7, "changed", "steps=8"));
        var retrained = new TrainingRun
        {
            Id = 4, Architecture = "smallcnn", Device = "cpu", CheckpointPath = "runs/4/checkpoint.bin", CompletedEpochs = 3,
        };
        Assert.NotEqual(key, AttributionParameters.CacheKey(retrained, "integrated-gradients", 7, "h", "steps=8"));
        Assert.Equal(64, key.Length);
    }
}
