namespace XaiLab.Data.Entities;

/// <summary>How a dataset's persisted split was made (API names patient-grouped, paper-random and manual).</summary>
public enum DatasetSplitPreset
{
    /// <summary>Whole patients per split, stratified by class: no leakage.</summary>
    PatientGrouped,

    /// <summary>The paper's random slice split: patients leak across splits.</summary>
    PaperRandom,

    /// <summary>Made by hand: each patient assigned to a split by the lab (API name manual).</summary>
    Manual,
}
