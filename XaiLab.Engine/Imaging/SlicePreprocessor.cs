namespace XaiLab.Engine.Imaging;

/// <summary>
/// The one preprocessing path shared by training, evaluation and attribution, so that a map explains exactly what the
/// model saw: scale to 0..1 by the bit depth, bilinear resize to the input size, z-score with the training statistics
/// when given, replicate to the channel count. Output is [C, H, W] row-major.
/// </summary>
public sealed class SlicePreprocessor
{
    /// <param name="options">Input size (default 224), channels (default 1) and training statistics (default none).</param>
    public SlicePreprocessor(PreprocessingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InputSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.InputSize, "InputSize must be positive.");
        }
        if (options.Channels < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Channels, "Channels must be at least 1.");
        }
        if (options.Stats is { Std: <= 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Stats.Std, "Stats.Std must be positive.");
        }
        Options = options;
    }

    /// <summary>The options this preprocessor applies.</summary>
    public PreprocessingOptions Options { get; }

    /// <summary>Length of one preprocessed sample: Channels x InputSize x InputSize.</summary>
    public int SampleLength => Options.Channels * Options.InputSize * Options.InputSize;

    /// <summary>The largest sample value of a bit depth: 2^depth - 1.</summary>
    public static double MaximumValue(int bitDepth) => bitDepth is >= 1 and <= 16
        ? (1 << bitDepth) - 1
        : throw new ArgumentOutOfRangeException(nameof(bitDepth), bitDepth, "BitDepth must be between 1 and 16.");

    /// <summary>Preprocesses one slice into [C, H, W]: <see cref="Normalize"/> of <see cref="Resize"/>.</summary>
    public float[] Preprocess(SliceImage image) => Normalize(Resize(image, Options.InputSize));

    /// <summary>
    /// The first, statistics-free half of <see cref="Preprocess"/>: pixels scaled to 0..1 by the bit depth and resized
    /// bilinearly to <paramref name="size"/> x <paramref name="size"/>. This is what a resized-slice cache stores.
    /// </summary>
    public static float[] Resize(SliceImage image, int size)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var scale = 1.0 / MaximumValue(image.BitDepth);
        var plane = new float[image.Pixels.Length];
        for (var i = 0; i < plane.Length; i++)
        {
            plane[i] = (float)(image.Pixels[i] * scale);
        }
        return ImageResampler.ResizeBilinear(plane, image.Width, image.Height, size, size);
    }

    /// <summary>
    /// The second half of <see cref="Preprocess"/>: z-score a resized plane with the training statistics (when given)
    /// and replicate it to the channel count.
    /// </summary>
    public float[] Normalize(ReadOnlySpan<float> plane)
    {
        var size = Options.InputSize;
        if (plane.Length != size * size)
        {
            throw new ArgumentException($"Expected a {size}x{size} plane, got {plane.Length} values.", nameof(plane));
        }
        var result = new float[SampleLength];
        var first = result.AsSpan(0, plane.Length);
        if (Options.Stats is { } stats)
        {
            for (var i = 0; i < plane.Length; i++)
            {
                first[i] = (float)((plane[i] - stats.Mean) / stats.Std);
            }
        }
        else
        {
            plane.CopyTo(first);
        }
        for (var c = 1; c < Options.Channels; c++)
        {
            first.CopyTo(result.AsSpan(c * plane.Length, plane.Length));
        }
        return result;
    }
}
