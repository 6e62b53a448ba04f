using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Models;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;

namespace XaiLab.Tests.Engine.Attribution;

/// <summary>Every registry method (and a smoothed one) on every architecture at its smallest input: issue 6.</summary>
[Collection(TorchCollection.Name)]
public sealed class AttributionMethodsOnArchitecturesTests
{
    public static TheoryData<Architecture> Architectures => new(Enum.GetValues<Architecture>());

    [Theory]
    [MemberData(nameof(Architectures))]
    public void EveryMethod_RunsOnTheArchitecture_AndReturnsAFiniteMapOfTheInputShape(Architecture architecture)
    {
        var size = ModelFactory.MinimumInputSize(architecture);
        torch.manual_seed(5);
        using var model = ModelFactory.Create(new ModelSpec(architecture, InputChannels: 1, Classes: 3, InputSize: size));
        var probe = new ClassifierProbe(model, device: torch.CPU);
        using var input = AttributionAssert.Image(1, size, size);
        var options = new AttributionOptions(Steps: 3, InternalBatchSize: 64, SmoothGradSamples: 2);
        var names = AttributionMethods.All.Values.Append("smooth-vanilla-gradient").ToList();

        foreach (var name in names)
        {
            var map = AttributionAssert.NoLeaks(() => AttributionMethods.Create(name, options).Explain(probe, input, target: 1));

            Assert.True(map.Channels == 1 && map.Height == size && map.Width == size,
                $"{name} on {architecture}: [{map.Channels}, {map.Height}, {map.Width}]");
            Assert.True(map.Values.Length == size * size, $"{name} on {architecture}: {map.Values.Length} values");
            Assert.True(map.Values.All(float.IsFinite), $"{name} on {architecture} gave a non-finite value");
        }
        Assert.Equal(9, names.Count);
    }
}
