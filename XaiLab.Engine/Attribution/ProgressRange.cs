namespace XaiLab.Engine.Attribution;

/// <summary>Maps a sub-task's progress in 0..1 onto the slice [start, end] of its parent's progress.</summary>
internal sealed class ProgressRange(IProgress<double>? parent, double start, double end) : IProgress<double>
{
    public void Report(double value) => parent?.Report(start + (end - start) * Math.Clamp(value, 0.0, 1.0));

    /// <summary>A slice of <paramref name="parent"/>, or null when nobody listens.</summary>
    public static IProgress<double>? Slice(IProgress<double>? parent, double start, double end) =>
        parent is null ? null : new ProgressRange(parent, start, end);
}
