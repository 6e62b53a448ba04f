using System.Text.Json;

namespace XaiLab.Web.Services.Evaluations;

/// <summary>RunEvaluation.ClassMapJson: every class name of the evaluation dataset and the run's class it is counted as.</summary>
public sealed record StoredClassMap(int Version, IReadOnlyDictionary<string, string> Classes)
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored map; the column's default "{}" reads as an empty map.</summary>
    public static StoredClassMap Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? Empty : JsonSerializer.Deserialize<StoredClassMap>(json, Json) is { Classes: not null } map ? map : Empty;

    private static readonly StoredClassMap Empty = new(CurrentVersion, new Dictionary<string, string>());

    /// <summary>For each class index of the evaluation dataset (<paramref name="theirs"/>), the run's class index.</summary>
    /// <exception cref="InvalidOperationException">A class of the dataset has no run class (the dataset changed since).</exception>
    public int[] Indices(IReadOnlyList<string> theirs, IReadOnlyList<string> ours) => theirs.Select(name =>
    {
        var target = Classes.TryGetValue(name, out var mapped) ? mapped
            : throw new InvalidOperationException($"Class '{name}' of the evaluation dataset has no class of the run.");
        var index = ours.ToList().FindIndex(o => string.Equals(o, target, StringComparison.Ordinal));
        return index >= 0 ? index : throw new InvalidOperationException($"The run has no class '{target}'.");
    }).ToArray();
}
