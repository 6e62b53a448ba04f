namespace XaiLab.Engine.Models.Weights;

/// <summary>A strict import found a state dict that does not fit the model; the model was left unchanged.</summary>
public sealed class StateDictMismatchException(StateDictReport report)
    : InvalidOperationException($"The state dict does not fit the model. {report.Describe()}")
{
    /// <summary>Missing, unexpected and mis-shaped entries (with <see cref="StateDictReport.Loaded"/> = 0).</summary>
    public StateDictReport Report { get; } = report;
}
