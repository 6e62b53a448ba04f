namespace XaiLab.Engine.Datasets.Splits;

/// <summary>How <see cref="PatientGroupedSplitter"/> splits a dataset.</summary>
public enum SplitPreset
{
    /// <summary>
    /// Default. Whole patients go to one split, stratified by class: no patient's slices are both trained on and tested on.
    /// </summary>
    PatientGrouped,

    /// <summary>
    /// As the paper did it: slices shuffled and cut by the ratios, unstratified and ignoring patients. Slices of one
    /// patient land in several splits (data leakage), which inflates test accuracy; the result carries a warning. Use it
    /// only to reproduce the paper's numbers.
    /// </summary>
    PaperRandom,
}
