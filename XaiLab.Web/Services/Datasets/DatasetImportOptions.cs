namespace XaiLab.Web.Services.Datasets;

/// <summary>Uploads and imports of datasets. Bound from the configuration section "Imports".</summary>
public sealed class DatasetImportOptions
{
    public const string SectionName = "Imports";

    /// <summary>Largest upload accepted by POST /api/datasets and the upload dialog, in bytes. Default 64 GiB.</summary>
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024 * 1024;

    /// <summary>
    /// Wall-clock budget of one import, in minutes. Default 720 (12 h; the 20,000-slice benchmark import takes minutes).
    /// An import that runs past it is stopped, rolled back and failed with the reason, never queued again.
    /// </summary>
    public double MaxImportMinutes { get; set; } = 720;

    /// <summary>
    /// Secret of the keyed hash that replaces DICOM PatientIDs when an upload asks for <c>pseudonymise=true</c>. Default
    /// null: a random key made on first use and kept in the data directory (<c>keys/pseudonym.key</c>).
    /// </summary>
    public string? PseudonymKey { get; set; }
}
