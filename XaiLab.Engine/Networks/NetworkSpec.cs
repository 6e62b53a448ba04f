using XaiLab.Engine.Models;

namespace XaiLab.Engine.Networks;

/// <summary>
/// Everything that fixes a network before training: architecture, input and head, the seed its initial weights are drawn
/// with, and the device it computes on. Two <see cref="Network"/>s made from equal specs start with equal weights.
/// </summary>
/// <param name="Architecture">An architecture name (<see cref="ArchitectureNames"/>), e.g. <c>resnet50</c>.</param>
/// <param name="Classes">Output classes.</param>
/// <param name="ImageSize">Side of the square input in pixels.</param>
/// <param name="Head">The classifier head. Default global average pooling.</param>
/// <param name="Seed">The seed torch is given before the initial weights are drawn. Default 1.</param>
/// <param name="Device"><c>auto</c> (default: CUDA when available), <c>cpu</c> or <c>cuda</c>.</param>
/// <param name="Channels">Input channels. Default 1 (grey-level slices).</param>
public sealed record NetworkSpec(
    string Architecture,
    int Classes,
    int ImageSize,
    HeadKind Head = HeadKind.GlobalAveragePool,
    long Seed = 1,
    string? Device = "auto",
    int Channels = 1)
{
    /// <summary>The model factory's spec (architecture parsed; an unknown name throws <see cref="ArgumentException"/>).</summary>
    public ModelSpec ToModelSpec() => new(ArchitectureNames.Parse(Architecture), Channels, Classes, ImageSize, Head);
}
