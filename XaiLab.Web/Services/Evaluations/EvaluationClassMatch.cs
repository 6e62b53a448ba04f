namespace XaiLab.Web.Services.Evaluations;

/// <summary>
/// How the classes of an evaluation dataset are counted as the run's: by name, ignoring case, or by the caller's map
/// (their class → our class, names matched ignoring case on both sides; a class the map leaves out is matched by name). Every class of the dataset needs one of the
/// run's; the run may have classes the dataset lacks.
/// </summary>
public static class EvaluationClassMatch
{
    /// <summary>Their class name → our class name (as the run spells it), for every class of <paramref name="theirs"/>.</summary>
    /// <exception cref="RequestValidationException">400 naming both class lists when a class has no match, or the map names
    /// a class neither side has.</exception>
    public static IReadOnlyDictionary<string, string> Resolve(IReadOnlyList<string> theirs, IReadOnlyList<string> ours,
        IReadOnlyDictionary<string, string>? map)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(ours);
        var lists = $"The dataset's classes are [{string.Join(", ", theirs)}]; the run's are [{string.Join(", ", ours)}].";
        string? Ours(string name) => ours.FirstOrDefault(o => string.Equals(o, name.Trim(), StringComparison.OrdinalIgnoreCase));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null)
        {
            var unmatched = theirs.Where(t => Ours(t) is null).ToList();
            if (unmatched.Count > 0)
            {
                throw new RequestValidationException(
                    $"The classes do not match: {string.Join(", ", unmatched)} {(unmatched.Count == 1 ? "is" : "are")} not a class of the run. {lists} Give a classMap {{\"their class\": \"our class\"}}.");
            }
            foreach (var t in theirs) result[t] = Ours(t)!;
            return result;
        }
        var unknown = map.Keys.Where(k => !theirs.Any(t => string.Equals(t, k.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new RequestValidationException($"classMap names {string.Join(", ", unknown)}, not a class of the dataset. {lists}");
        }
        foreach (var t in theirs)
        {
            var entry = map.FirstOrDefault(kv => string.Equals(kv.Key.Trim(), t, StringComparison.OrdinalIgnoreCase));
            if (entry.Key is null)
            {
                result[t] = Ours(t) ?? throw new RequestValidationException(
                    $"classMap does not say which class of the run '{t}' is, and the run has no class of that name. {lists}");
                continue;
            }
            result[t] = Ours(entry.Value ?? string.Empty)
                ?? throw new RequestValidationException($"classMap maps '{t}' to '{entry.Value}', not a class of the run. {lists}");
        }
        return result;
    }
}
