using System.Text.Json;
using XaiLab.Engine.Datasets;

namespace XaiLab.Web.Services.Datasets;

/// <summary>
/// The JSON of <c>Slices.MetadataJson</c>: what a NIfTI volume or DICOM series said about the slice (its place, the
/// stored-to-physical mapping, the default window), versioned apart from the API's <c>metadata</c>. Version 1 is the
/// first shape.
/// </summary>
public sealed record StoredSliceMetadata(int Version, int? Axis, int? Position, int? Count, double? ValueScale, double? ValueOffset,
    double? WindowCenter, double? WindowWidth, string? Series)
{
    public const int CurrentVersion = 1;

    public static string? Write(SliceMetadata? metadata) => metadata is null
        ? null
        : JsonSerializer.Serialize(new StoredSliceMetadata(CurrentVersion, metadata.Axis, metadata.Position, metadata.Count, metadata.ValueScale,
            metadata.ValueOffset, metadata.WindowCenter, metadata.WindowWidth, metadata.Series));

    /// <exception cref="InvalidOperationException">A version newer than this build knows.</exception>
    public static StoredSliceMetadata? Read(string? json)
    {
        if (json is null) return null;
        var stored = JsonSerializer.Deserialize<StoredSliceMetadata>(json) ?? throw new InvalidOperationException("A stored slice metadata is the JSON null.");
        return stored.Version > CurrentVersion
            ? throw new InvalidOperationException($"Slice metadata stored by a newer XaiLab (version {stored.Version}).")
            : stored;
    }

    /// <summary>
    /// The default display window in stored 16-bit units (physical = stored * scale + offset), or null when the source
    /// gave none.
    /// </summary>
    public (double Center, double Width)? StoredWindow() =>
        WindowCenter is { } center && WindowWidth is { } width && ValueScale is { } scale && scale != 0
            ? ((center - (ValueOffset ?? 0)) / scale, width / Math.Abs(scale))
            : null;
}
