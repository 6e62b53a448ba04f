namespace XaiLab.Engine.Models.Blocks;

/// <summary>Output side of convolutions and poolings, and the minimum-input check every architecture runs first.</summary>
internal static class SpatialSize
{
    /// <summary>PyTorch's output side: floor((size + 2 padding - kernel) / stride) + 1.</summary>
    public static int After(int size, int kernel, int stride = 1, int padding = 0) =>
        (size + 2 * padding - kernel) / stride + 1;

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
