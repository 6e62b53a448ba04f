namespace XaiLab.Web.Services.Attributions;

/// <summary>The model-randomisation sanity check of a run's methods. Bound from the configuration section "SanityCheck".</summary>
public sealed class SanityCheckOptions
{
    public const string SectionName = "SanityCheck";

    /// <summary>Slices per method when the request names none: the run's explained slices, lowest id first. Default 3.</summary>
    public int Slices { get; set; } = 3;

    /// <summary>
    /// Most maps recomputed per slice along the cascade (layers are grouped evenly, the last step always randomises every
    /// layer). Default 6: a cascade stays a few times one map's cost even for deep networks.
    /// </summary>
    public int MaxSteps { get; set; } = 6;

    /// <summary>
    /// A method is flagged when, with every layer randomised, its maps' mean Spearman rank correlation with the trained
    /// model's maps is still at least this. Default 0.5: the map barely depends on what the model learned.
    /// </summary>
    public double FlagRankCorrelation { get; set; } = 0.5;

    /// <summary>Seed of the re-initialisation. Default 1.</summary>
    public long Seed { get; set; } = 1;
}
