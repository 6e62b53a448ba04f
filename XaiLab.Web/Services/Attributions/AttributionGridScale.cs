namespace XaiLab.Web.Services.Attributions;

/// <summary>The shared scale of the comparison grid: one full-colour value per method column.</summary>
public static class AttributionGridScale
{
    /// <summary>The largest full-colour value among a method's maps in the grid, so all its panes share one scale.</summary>
    public static double? SharedCeiling(IReadOnlyList<AttributionGridRow> rows, string method)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = rows.Select(r => r.Maps.GetValueOrDefault(method)).Where(m => m is { ClipValue: > 0 }).Select(m => m!.ClipValue).ToList();
        return values.Count == 0 ? null : values.Max();
    }
}
