namespace XaiLab.Engine.Datasets.Splits;

/// <summary>How slices are divided into train, validation and test.</summary>
public enum SplitPreset
{
    /// <summary>Default: stratified by class and grouped by patient, so no patient is in two splits.</summary>
    PatientGrouped,

    /// <summary>
    /// The paper's protocol: slices shuffled and cut by ratio, ignoring patients and classes. Slices of one patient land
    /// in train and test, which inflates test accuracy: kept only to compare with the paper's numbers.
    /// </summary>
    PaperRandom,
}
