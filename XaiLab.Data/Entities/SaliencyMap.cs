namespace XaiLab.Data.Entities;

/// <summary>An attribution map of one run's model on one slice, stored as an overlay PNG and raw values.</summary>
public class SaliencyMap
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public TrainingRun? Run { get; set; }
    public int SliceId { get; set; }
    public Slice? Slice { get; set; }

    /// <summary>API name of the method, e.g. "integrated-gradients".</summary>
    public required string Method { get; set; }
    public int Target { get; set; }
    public required string OverlayPath { get; set; }
    public required string ValuesPath { get; set; }
    public double DurationSeconds { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
