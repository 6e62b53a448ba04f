namespace XaiLab.Data;

/// <summary>Where XaiLab keeps its state. Bound from the configuration section "XaiLab".</summary>
public sealed class XaiLabOptions
{
    public const string SectionName = "XaiLab";

    /// <summary>
    /// Folder holding the SQLite database (xailab.db), Hangfire's storage (hangfire.db) and the artifact store
    /// (artifacts/). Default "data", relative to the content root; created if missing.
    /// Environment variable: XaiLab__DataDirectory.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Connection string override for the application database; default: SQLite file in DataDirectory.</summary>
    public string? ConnectionString { get; set; }
}
