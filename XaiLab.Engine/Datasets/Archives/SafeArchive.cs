using System.IO.Compression;

namespace XaiLab.Engine.Datasets.Archives;

/// <summary>
/// A validated ZIP archive, opened by <see cref="SafeArchiveExtractor"/>. Entries are inflated only when opened; the bytes
/// inflated across all entries are counted against the archive's expansion budget.
/// </summary>
public sealed class SafeArchive : IDisposable
{
    private readonly ZipArchive zip;
    private readonly long budget;
    private long inflated;

    internal SafeArchive(ZipArchive zip, string name, IReadOnlyList<SafeArchiveEntry> entries, long budget)
    {
        this.zip = zip;
        Name = name;
        Entries = entries;
        this.budget = budget;
        foreach (var entry in entries)
        {
            entry.Owner = this;
        }
    }

    /// <summary>Archive name used in messages.</summary>
    public string Name { get; }

    /// <summary>File entries (directories left out) with normalised relative paths, in archive order.</summary>
    public IReadOnlyList<SafeArchiveEntry> Entries { get; }

    /// <summary>Bytes inflated so far across all entries.</summary>
    public long InflatedBytes => Interlocked.Read(ref inflated);

    public void Dispose() => zip.Dispose();

    internal void Count(int bytes, SafeArchiveEntry entry)
    {
        if (Interlocked.Add(ref inflated, bytes) > budget)
        {
            throw new DatasetImportException(
                $"{Name}: expanded past its limit of {budget:N0} bytes while reading '{entry.Path}' (a ZIP bomb?).");
        }
    }
}
