namespace XaiLab.Web.Services;

/// <summary>
/// The size and range limits of what callers send, in one place, so the same field has the same limit on every route
/// (creating and editing, the API and the pages) and a bad value is a 400 with the field's name, never a 500.
/// </summary>
public static class ApiLimits
{
    /// <summary>Dataset, study and team names: 200 characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>A run's notes: 4,000 characters.</summary>
    public const int MaxNotesLength = 4000;

    /// <summary>Slice ids in one attribution request or sanity check: 1,000 (20 runs × 6 methods × 1,000 maps is already days).</summary>
    public const int MaxSliceIds = 1000;

    /// <summary>Run ids in one request: 100 (as a sweep).</summary>
    public const int MaxRunIds = 100;

    /// <summary>A name: trimmed, 1 to <see cref="MaxNameLength"/> characters, no control characters.</summary>
    public static string Name(string? value, string field)
    {
        var name = (value ?? string.Empty).Trim();
        if (name.Length is 0 or > MaxNameLength) throw new RequestValidationException($"{field} must be 1 to {MaxNameLength} characters.");
        if (name.Any(char.IsControl)) throw new RequestValidationException($"{field} must not contain control characters.");
        return name;
    }

    /// <summary>Free text up to <paramref name="max"/> characters (null stays null).</summary>
    public static string? Text(string? value, string field, int max) =>
        value is { Length: var length } && length > max ? throw new RequestValidationException($"{field} may have at most {max} characters.") : value;

    /// <summary>A list of at most <paramref name="max"/> entries (null stays null).</summary>
    public static IReadOnlyList<T>? Count<T>(IReadOnlyList<T>? values, string field, int max) =>
        values is { Count: var count } && count > max ? throw new RequestValidationException($"{field} may name at most {max:N0} entries; {count:N0} were sent.") : values;

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>] (null stays null).</summary>
    public static double? Finite(double? value, string field, double min, double max) =>
        value is { } v && (!double.IsFinite(v) || v < min || v > max)
            ? throw new RequestValidationException($"{field} must be a finite number between {min} and {max}.")
            : value;
}
