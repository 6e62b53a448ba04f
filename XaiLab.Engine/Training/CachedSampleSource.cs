using XaiLab.Engine.Datasets.Caching;
using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Training;

/// <summary>
/// Samples read from a <see cref="ResizedSliceCache"/> and finished with <see cref="SlicePreprocessor.Normalize"/> on
/// demand: the same tensors as <see cref="SlicePreprocessor.Preprocess"/> of the original slices, without holding them.
/// </summary>
public sealed class CachedSampleSource : ISampleSource
{
    private readonly ResizedSliceCache cache;
    private readonly IReadOnlyList<int> rows;
    private readonly IReadOnlyList<int> labels;
    private readonly SlicePreprocessor preprocessor;

    /// <param name="cache">The resized planes; must match the preprocessor's input size.</param>
    /// <param name="rows">Cache row of each sample.</param>
    /// <param name="labels">Class index of each sample.</param>
    /// <param name="preprocessor">Statistics and channels applied to each plane.</param>
    public CachedSampleSource(ResizedSliceCache cache, IReadOnlyList<int> rows, IReadOnlyList<int> labels, SlicePreprocessor preprocessor)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(preprocessor);
        if (rows.Count != labels.Count)
        {
            throw new ArgumentException($"{rows.Count} samples but {labels.Count} labels.", nameof(labels));
        }
        if (cache.Size != preprocessor.Options.InputSize)
        {
            throw new ArgumentException($"The cache holds {cache.Size}px planes; the preprocessor wants {preprocessor.Options.InputSize}px.", nameof(cache));
        }
        this.cache = cache;
        this.rows = rows;
        this.labels = labels;
        this.preprocessor = preprocessor;
    }

    /// <inheritdoc />
    public int Count => rows.Count;

    /// <inheritdoc />
    public int Label(int index) => labels[index];

    /// <inheritdoc />
    public float[] Pixels(int index) => preprocessor.Normalize(cache.Plane(rows[index]));
}
