using System.Text;

namespace XaiLab.Engine.Models.Weights;

/// <summary>What importing a state dict into a model did, as PyTorch's <c>load_state_dict</c> reports it, plus shapes.</summary>
/// <param name="Loaded">Tensors copied into the model (0 when a strict import refused the file).</param>
/// <param name="MissingKeys">Model entries the file lacks; they keep their current values.</param>
/// <param name="UnexpectedKeys">File entries the model has no place for; ignored.</param>
/// <param name="MismatchedShapes">Entries present on both sides with different shapes; never loaded.</param>
public sealed record StateDictReport(
    int Loaded,
    IReadOnlyList<string> MissingKeys,
    IReadOnlyList<string> UnexpectedKeys,
    IReadOnlyList<ShapeMismatch> MismatchedShapes)
{
    /// <summary>File entries skipped on purpose (torchvision's InceptionV3 auxiliary classifier); empty by default.</summary>
    public IReadOnlyList<string> IgnoredKeys { get; init; } = [];

    /// <summary>True when every model entry was found with its shape and the file had nothing else.</summary>
    public bool IsExactMatch => MissingKeys.Count == 0 && UnexpectedKeys.Count == 0 && MismatchedShapes.Count == 0;

    /// <summary>One readable paragraph: counts and the first keys of each kind (at most <paramref name="maxKeys"/>, default 10).</summary>
    public string Describe(int maxKeys = 10)
    {
        var text = new StringBuilder($"Loaded {Loaded} tensors");
        Append(text, "missing keys", MissingKeys, maxKeys);
        Append(text, "unexpected keys", UnexpectedKeys, maxKeys);
        Append(text, "mismatched shapes", MismatchedShapes.Select(m => m.ToString()).ToList(), maxKeys);
        Append(text, "ignored keys", IgnoredKeys, maxKeys);
        return text.Append('.').ToString();
    }

    public override string ToString() => Describe();

    private static void Append(StringBuilder text, string label, IReadOnlyList<string> items, int maxKeys)
    {
        if (items.Count == 0) return;
        text.Append($"; {items.Count} {label}: ").AppendJoin("; ", items.Take(maxKeys));
        if (items.Count > maxKeys) text.Append($"; and {items.Count - maxKeys} more");
    }
}
