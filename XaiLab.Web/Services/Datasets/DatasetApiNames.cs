using XaiLab.Data.Entities;
using XaiLab.Engine.Datasets;

namespace XaiLab.Web.Services.Datasets;

/// <summary>API names of dataset formats (auto, figshare, covid-radiography, image-folder, nifti, dicom) and split presets.</summary>
public static class DatasetApiNames
{
    public const string PatientGrouped = "patient-grouped";
    public const string PaperRandom = "paper-random";
    public const string Manual = "manual";

    public static IReadOnlyDictionary<DatasetFormat, string> Formats { get; } = new Dictionary<DatasetFormat, string>
    {
        [DatasetFormat.Auto] = "auto",
        [DatasetFormat.Figshare] = "figshare",
        [DatasetFormat.CovidRadiography] = "covid-radiography",
        [DatasetFormat.ImageFolder] = "image-folder",
        [DatasetFormat.Nifti] = "nifti",
        [DatasetFormat.Dicom] = "dicom",
    };

    /// <summary>Parses a format name; null or empty is auto.</summary>
    public static DatasetFormat ParseFormat(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatasetFormat.Auto;
        }
        var match = Formats.FirstOrDefault(f => string.Equals(f.Value, name.Trim(), StringComparison.OrdinalIgnoreCase));
        return match.Value is not null
            ? match.Key
            : throw new RequestValidationException($"Unknown format '{name}'. Valid: {string.Join(", ", Formats.Values)}.");
    }

    /// <summary>Parses a split preset name; null or empty is patient-grouped.</summary>
    public static DatasetSplitPreset ParsePreset(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or PatientGrouped => DatasetSplitPreset.PatientGrouped,
        PaperRandom => DatasetSplitPreset.PaperRandom,
        Manual => DatasetSplitPreset.Manual,
        _ => throw new RequestValidationException($"Unknown split preset '{name}'. Valid: {PatientGrouped}, {PaperRandom}, {Manual} (with assignments)."),
    };

    public static string Name(DatasetSplitPreset preset) => preset switch
    {
        DatasetSplitPreset.PaperRandom => PaperRandom,
        DatasetSplitPreset.Manual => Manual,
        _ => PatientGrouped,
    };

    public static string Name(SplitPart part) => WireNames.Of(part);

    /// <summary>Parses train, validation, test or unassigned (case-insensitive).</summary>
    public static SplitPart ParseSplit(string name) =>
        Enum.TryParse<SplitPart>(name, ignoreCase: true, out var part) && Enum.IsDefined(part)
            ? part
            : throw new RequestValidationException($"Unknown split '{name}'. Valid: train, validation, test, unassigned.");

    public static DatasetSource Source(DatasetFormat format) => format switch
    {
        DatasetFormat.Figshare => DatasetSource.Figshare,
        DatasetFormat.CovidRadiography => DatasetSource.CovidRadiography,
        DatasetFormat.Nifti => DatasetSource.Nifti,
        DatasetFormat.Dicom => DatasetSource.Dicom,
        _ => DatasetSource.ImageFolder,
    };
}
