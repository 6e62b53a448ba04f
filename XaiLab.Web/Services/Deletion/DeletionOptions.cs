namespace XaiLab.Web.Services.Deletion;

/// <summary>Deleting objects with work in progress. Bound from the configuration section "Deletion".</summary>
public sealed class DeletionOptions
{
    public const string SectionName = "Deletion";

    /// <summary>
    /// How long a delete waits for the jobs it cancelled (an import, a training run, an attribution request) to stop
    /// before it answers 409 "still stopping; try again". Default 60 seconds: a job stops at its next batch or map, and
    /// one in a worker process sees the cancel within a second.
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
