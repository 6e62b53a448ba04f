using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Training;

/// <summary>Samples held in memory, already preprocessed.</summary>
public sealed class InMemorySampleSource : ISampleSource
{
    private readonly IReadOnlyList<float[]> pixels;
    private readonly IReadOnlyList<int> labels;

    /// <param name="pixels">One preprocessed [C, H, W] array per sample, all of the same length.</param>
    /// <param name="labels">One class index per sample.</param>
    public InMemorySampleSource(IReadOnlyList<float[]> pixels, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.Count != labels.Count)
        {
            throw new ArgumentException($"{pixels.Count} samples but {labels.Count} labels.", nameof(labels));
        }
        if (pixels.Count > 0 && pixels.Any(p => p.Length != pixels[0].Length))
        {
            throw new ArgumentException("All samples must have the same length.", nameof(pixels));
        }
        this.pixels = pixels;
        this.labels = labels;
    }

    /// <summary>Preprocesses <paramref name="images"/> with <paramref name="preprocessor"/> and pairs them with labels.</summary>
    public static InMemorySampleSource FromSlices(
        IEnumerable<SliceImage> images, IEnumerable<int> labels, SlicePreprocessor preprocessor)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(preprocessor);
        return new InMemorySampleSource(images.Select(preprocessor.Preprocess).ToList(), labels.ToList());
    }

    /// <inheritdoc />
    public int Count => pixels.Count;

    /// <inheritdoc />
    public int Label(int index) => labels[index];

    /// <inheritdoc />
    public float[] Pixels(int index) => pixels[index];
}
