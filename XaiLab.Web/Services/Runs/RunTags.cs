namespace XaiLab.Web.Services.Runs;

/// <summary>Tags are stored lower-case, trimmed, de-duplicated and comma-separated (commas inside a tag are not allowed).</summary>
public static class RunTags
{
    public static string? Join(IEnumerable<string>? tags)
    {
        var cleaned = (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        if (cleaned.Any(t => t.Contains(',')))
        {
            throw new RequestValidationException("A tag may not contain a comma.");
        }
        var joined = string.Join(",", cleaned);
        return joined.Length == 0 ? null : joined.Length > 400 ? throw new RequestValidationException("Tags may have at most 400 characters in all.") : joined;
    }

    public static IReadOnlyList<string> Split(string? tags) =>
        string.IsNullOrEmpty(tags) ? [] : tags.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
