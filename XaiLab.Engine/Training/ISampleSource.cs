namespace XaiLab.Engine.Training;

/// <summary>Labelled, preprocessed samples for training and evaluation (see <see cref="Imaging.SlicePreprocessor"/>).</summary>
public interface ISampleSource
{
    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>Class index of sample <paramref name="index"/>.</summary>
    int Label(int index);

    /// <summary>Preprocessed pixels of sample <paramref name="index"/>, [C, H, W] row-major.</summary>
    float[] Pixels(int index);
}
