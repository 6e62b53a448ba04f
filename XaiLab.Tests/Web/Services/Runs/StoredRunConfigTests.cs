using System.Text.Json;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Tests.Web.Services.Runs;

public class StoredRunConfigTests
{
    private static readonly RunConfig Config = new("paper", "resnet50", 12, 224, 16, 3e-4, "adamw", 0.9, "cosine", 0.01, 1e-4,
        true, true, 4, "flatten", 7, "cpu");

    /// <summary>A row written before stored configs had a version: RunConfig serialised as it was, no Version field.</summary>
    private const string RowOfTheFirstVersion = """
        {"Preset":"paper","Architecture":"resnet50","Epochs":12,"ImageSize":224,"BatchSize":16,"LearningRate":0.0003,
        "Optimizer":"adamw","Momentum":0.9,"Schedule":"cosine","Decay":0.01,"WeightDecay":0.0001,"Augment":true,
        "ClassWeights":true,"EarlyStoppingPatience":4,"Head":"flatten","Seed":7,"Device":"cpu"}
        """;

    [Fact]
    public void Read_RowWrittenBeforeVersions_GivesItsConfig() =>
        Assert.Equal(Config, StoredRunConfig.Read(RowOfTheFirstVersion));

    [Fact]
    public void Write_StoresTheCurrentVersion_AndReadsBack()
    {
        var json = StoredRunConfig.Write(Config);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(StoredRunConfig.CurrentVersion, document.RootElement.GetProperty("Version").GetInt32());
        Assert.Equal("resnet50", document.RootElement.GetProperty("Architecture").GetString());
        Assert.Equal(Config, StoredRunConfig.Read(json));
    }

    [Fact]
    public void Read_NullColumn_IsNoConfig() => Assert.Null(StoredRunConfig.Read(null));

    [Fact]
    public void Read_NewerVersion_SaysSo()
    {
        var newer = RowOfTheFirstVersion.Replace("{\"Preset\"", "{\"Version\":99,\"Preset\"", StringComparison.Ordinal);
        var error = Assert.Throws<InvalidOperationException>(() => StoredRunConfig.Read(newer));
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }
}
