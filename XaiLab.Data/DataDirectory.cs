namespace XaiLab.Data;

/// <summary>
/// The absolute folder of this host's state (<see cref="XaiLabOptions.DataDirectory"/> resolved against the content
/// root, created if missing): read from the configuration once by <see cref="DataHostingExtensions.XaiLabDataDirectory"/>
/// and registered as a singleton, so the database, Hangfire's storage, the artifact store, uploads, the data-protection
/// keys and the local workers all agree on it.
/// </summary>
public sealed record DataDirectory(string Path)
{
    /// <summary>A folder below the data directory.</summary>
    public string Combine(string folder) => System.IO.Path.Combine(Path, folder);
}
