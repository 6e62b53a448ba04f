namespace XaiLab.Engine.Datasets.Hashing;

/// <summary>Slices with identical content (same <see cref="ContentHash.Of"/>).</summary>
/// <param name="Hash">The shared slice hash.</param>
/// <param name="SourceNames">The slices' source names, in input order; two or more.</param>
public sealed record DuplicateGroup(string Hash, IReadOnlyList<string> SourceNames);
