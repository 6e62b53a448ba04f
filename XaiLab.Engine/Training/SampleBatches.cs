using static TorchSharp.torch;

namespace XaiLab.Engine.Training;

/// <summary>Turns samples of an <see cref="ISampleSource"/> into input and label tensors.</summary>
internal static class SampleBatches
{
    /// <summary>Inputs [n, C, S, S] of the samples at <paramref name="indices"/> on <paramref name="device"/>.</summary>
    public static Tensor Inputs(ISampleSource source, ReadOnlySpan<int> indices, int channels, int size, Device device)
    {
        var length = channels * size * size;
        var buffer = new float[indices.Length * length];
        for (var i = 0; i < indices.Length; i++)
        {
            var pixels = source.Pixels(indices[i]);
            if (pixels.Length != length)
            {
                throw new ArgumentException(
                    $"Sample {indices[i]} has {pixels.Length} values; the model expects {channels}x{size}x{size} = {length}.");
            }
            pixels.CopyTo(buffer, i * length);
        }
        return tensor(buffer, [indices.Length, channels, size, size], device: device);
    }

    /// <summary>Like <see cref="Inputs"/>, each sample transformed by <see cref="Augmenter.Apply"/> in index order.</summary>
    public static Tensor AugmentedInputs(ISampleSource source, ReadOnlySpan<int> indices, int channels, int size,
        AugmentationOptions augmentation, Random random, Device device)
    {
        var length = channels * size * size;
        var buffer = new float[indices.Length * length];
        for (var i = 0; i < indices.Length; i++)
        {
            var pixels = source.Pixels(indices[i]);
            if (pixels.Length != length)
            {
                throw new ArgumentException(
                    $"Sample {indices[i]} has {pixels.Length} values; the model expects {channels}x{size}x{size} = {length}.");
            }
            Augmenter.Apply(pixels, channels, size, augmentation, random).CopyTo(buffer, i * length);
        }
        return tensor(buffer, [indices.Length, channels, size, size], device: device);
    }

    /// <summary>Labels [n] (int64) of the samples at <paramref name="indices"/>.</summary>
    public static Tensor Labels(ISampleSource source, ReadOnlySpan<int> indices, int classes, Device device)
    {
        var labels = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            var label = source.Label(indices[i]);
            if (label < 0 || label >= classes)
            {
                throw new ArgumentException($"Sample {indices[i]} has label {label}; the model has {classes} classes.");
            }
            labels[i] = label;
        }
        return tensor(labels, device: device);
    }
}
