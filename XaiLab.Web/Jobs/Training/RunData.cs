using XaiLab.Engine.Imaging;
using XaiLab.Engine.Training;

namespace XaiLab.Web.Jobs.Training;

/// <summary>A run's dataset, preprocessed: training, validation and test samples plus what the test slices are.</summary>
public sealed record RunData(
    IReadOnlyList<string> ClassNames,
    SlicePreprocessor Preprocessor,
    ISampleSource Train,
    ISampleSource? Validation,
    ISampleSource Test,
    IReadOnlyList<int> TestSliceIds);
