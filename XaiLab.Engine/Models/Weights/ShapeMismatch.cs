namespace XaiLab.Engine.Models.Weights;

/// <summary>A state-dict entry whose name the model knows but whose shape differs (e.g. a head trained for 1000 classes).</summary>
/// <param name="Key">The state-dict name ("fc.weight").</param>
/// <param name="Expected">Shape of the model's tensor.</param>
/// <param name="Actual">Shape found in the file.</param>
public sealed record ShapeMismatch(string Key, IReadOnlyList<long> Expected, IReadOnlyList<long> Actual)
{
    public override string ToString() => $"{Key}: expected [{string.Join(", ", Expected)}], file has [{string.Join(", ", Actual)}]";
}
