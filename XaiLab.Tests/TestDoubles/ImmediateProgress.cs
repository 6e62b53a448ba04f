namespace XaiLab.Tests.TestDoubles;

/// <summary>An <see cref="IProgress{T}"/> that records reports synchronously (unlike Progress, which posts).</summary>
public sealed class ImmediateProgress : IProgress<double>
{
    public List<double> Reports { get; } = [];

    public void Report(double value) => Reports.Add(value);
}
