using XaiLab.Engine.Datasets.Caching;
using XaiLab.Engine.Imaging;
using XaiLab.Engine.Training;

namespace XaiLab.Web.Jobs.Training;

/// <summary>
/// A run's dataset, ready to train on: training, validation and test samples read from the dataset's resized-slice cache,
/// the preprocessor that finishes them, and what the test slices are. Owns the cache mapping.
/// </summary>
public sealed record RunSplits(
    IReadOnlyList<string> ClassNames,
    SlicePreprocessor Preprocessor,
    ISampleSource Train,
    ISampleSource? Validation,
    ISampleSource Test,
    IReadOnlyList<int> TestSliceIds,
    ResizedSliceCache Cache) : IDisposable
{
    public void Dispose() => Cache.Dispose();
}
