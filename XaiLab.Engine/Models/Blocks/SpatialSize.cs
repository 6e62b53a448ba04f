namespace XaiLab.Engine.Models.Blocks;

/// <summary>Output side of convolutions and poolings, and the minimum-input check every architecture runs first.</summary>
internal static class SpatialSize
{
    /// <summary>PyTorch's output side: floor((size + 2 padding - kernel) / stride) + 1.</summary>
    public static int After(int size, int kernel, int stride = 1, int padding = 0) =>
        (size + 2 * padding - kernel) / stride + 1;

    /// <summary>
    /// Feature side of Inception-v3 and Inception-ResNet-v2: unpadded 3x3 stride 2, unpadded 3x3, padded 3x3, 3x3/2 max
    /// pooling, 1x1, unpadded 3x3, 3x3/2 max pooling, then two unpadded stride-2 reductions.
    /// </summary>
    public static int AfterInceptionStemAndReductions(int inputSize)
    {
        var side = After(After(inputSize, 3, 2), 3);
        side = After(After(After(side, 3, 2), 3), 3, 2);
        return After(After(side, 3, 2), 3, 2);
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the architecture when the input is too small.</summary>
    public static void RequireAtLeast(ModelSpec spec, int minimum)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.InputSize < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.InputSize,
                $"{spec.Architecture.ToApiName()} needs inputs of at least {minimum}x{minimum} pixels; got {spec.InputSize}.");
        }
    }
}
