namespace XaiLab.Engine.Models;

/// <summary>What to build: architecture, input channels (1 for MRI/X-ray), class count, square input size and head.</summary>
/// <param name="Architecture">The network.</param>
/// <param name="InputChannels">Channels of the input image; default 1 (grayscale scans).</param>
/// <param name="Classes">Number of output classes; default 3 (the brain tumour dataset).</param>
/// <param name="InputSize">Side of the square input in pixels; default 224 (the paper used 225).</param>
/// <param name="Head">Classifier head; default global average pool + linear.</param>
public sealed record ModelSpec(
    Architecture Architecture,
    int InputChannels = 1,
    int Classes = 3,
    int InputSize = 224,
    HeadKind Head = HeadKind.GlobalAveragePool);
