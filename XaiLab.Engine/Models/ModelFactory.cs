namespace XaiLab.Engine.Models;

/// <summary>Builds a freshly initialised network for a <see cref="ModelSpec"/>.</summary>
public static class ModelFactory
{
    public static ClassifierModel Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.InputChannels < 1) throw new ArgumentOutOfRangeException(nameof(spec), "InputChannels must be at least 1.");
        if (spec.Classes < 2) throw new ArgumentOutOfRangeException(nameof(spec), "A classifier needs at least 2 classes.");
        return spec.Architecture switch
        {
            Architecture.SmallCnn => new SmallCnn(spec),
            _ => throw new NotSupportedException($"Architecture {spec.Architecture.ToApiName()} is not available yet."),
        };
    }
}
