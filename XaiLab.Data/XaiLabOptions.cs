namespace XaiLab.Data;

/// <summary>Where XaiLab keeps its state. Bound from the configuration section "XaiLab".</summary>
public sealed class XaiLabOptions
{
    public const string SectionName = "XaiLab";

    /// <summary>
    /// Folder holding the SQLite database (xailab.db), Hangfire's storage (hangfire.db) and the artifact store
    /// (artifacts/). Default "data", relative to the content root; created if missing. With PostgreSQL and several
    /// nodes, every node must see the same artifacts/ folder (a shared mount). Environment variable: XaiLab__DataDirectory.
    /// The database itself is chosen in the "Database" section (<see cref="DatabaseOptions"/>).
    /// </summary>
    public string DataDirectory { get; set; } = "data";
}
