using System.IO.Compression;

namespace XaiLab.Engine.Datasets.Archives;

/// <summary>
/// Opens ZIP archives for import without trusting them: entry names must stay inside the root, the entry count and the
/// declared sizes must fit <see cref="ImportLimits"/> before anything is read, and the bytes actually inflated are
/// counted against the same limits while streaming (a forged directory cannot smuggle a ZIP bomb past the check).
/// Every failure is a <see cref="DatasetImportException"/> that names the archive and the entry.
/// </summary>
public sealed class SafeArchiveExtractor
{
    private readonly ImportLimits limits;

    /// <param name="limits">Bounds to enforce; <see cref="ImportLimits.Default"/> when null.</param>
    public SafeArchiveExtractor(ImportLimits? limits = null)
    {
        this.limits = limits ?? ImportLimits.Default;
    }

    /// <summary>Opens and validates the ZIP file at <paramref name="zipPath"/>.</summary>
    public SafeArchive Open(string zipPath)
    {
        var stream = OpenFile(zipPath);
        try
        {
            return Open(stream, Path.GetFileName(zipPath), leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Validates the ZIP directory in <paramref name="zipStream"/> (seekable) and returns its entries; nothing is inflated yet.
    /// </summary>
    /// <param name="zipStream">The archive; must be seekable.</param>
    /// <param name="archiveName">Name used in error messages.</param>
    /// <param name="leaveOpen">Whether disposing the result leaves <paramref name="zipStream"/> open. Default false.</param>
    public SafeArchive Open(Stream zipStream, string archiveName, bool leaveOpen = false)
    {
        if (!zipStream.CanSeek)
        {
            throw new ArgumentException("The archive stream must be seekable.", nameof(zipStream));
        }

        if (zipStream.Length > limits.MaxArchiveBytes)
        {
            throw new DatasetImportException(
                $"{archiveName} is {zipStream.Length:N0} bytes, more than the limit of {limits.MaxArchiveBytes:N0} bytes.");
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetImportException($"{archiveName} is not a readable ZIP archive (corrupt or truncated): {e.Message}", e);
        }

        try
        {
            return new SafeArchive(zip, archiveName, Validate(zip, archiveName, zipStream.Length), ExpansionBudget(zipStream.Length));
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Extracts the validated archive at <paramref name="zipPath"/> into <paramref name="destinationDirectory"/>
    /// (created if missing). Files written before a failure are left for the caller to delete with the directory.
    /// </summary>
    /// <returns>The relative paths written, with <c>/</c> separators.</returns>
    public IReadOnlyList<string> ExtractTo(string zipPath, string destinationDirectory)
    {
        using var archive = Open(zipPath);
        var root = Path.GetFullPath(destinationDirectory);
        Directory.CreateDirectory(root);
        var written = new List<string>();
        foreach (var entry in archive.Entries)
        {
            var target = Path.GetFullPath(Path.Combine(root, entry.Path));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new DatasetImportException($"{archive.Name}: entry '{entry.Path}' points outside the extraction folder.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using (var source = entry.OpenRead())
            using (var output = File.Create(target))
            {
                source.CopyTo(output);
            }

            written.Add(entry.Path);
        }

        return written;
    }

    private List<SafeArchiveEntry> Validate(ZipArchive zip, string archiveName, long archiveBytes)
    {
        IReadOnlyCollection<ZipArchiveEntry> zipEntries;
        try
        {
            zipEntries = zip.Entries;
        }
        catch (InvalidDataException e)
        {
            throw new DatasetImportException($"{archiveName} is not a readable ZIP archive (corrupt or truncated): {e.Message}", e);
        }

        if (zipEntries.Count > limits.MaxEntries)
        {
            throw new DatasetImportException(
                $"{archiveName} lists {zipEntries.Count:N0} entries, more than the limit of {limits.MaxEntries:N0}.");
        }

        var entries = new List<SafeArchiveEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long declaredTotal = 0;
        foreach (var zipEntry in zipEntries)
        {
            var path = NormalizeEntryPath(zipEntry.FullName, archiveName);
            if (path.Length == 0 || path.EndsWith('/'))
            {
                continue;
            }

            if (!seen.Add(path))
            {
                throw new DatasetImportException($"{archiveName}: entry '{path}' appears more than once; the archive is ambiguous.");
            }

            var ratioLimit = (long)Math.Min(long.MaxValue / 2, zipEntry.CompressedLength * limits.MaxExpansionRatio);
            if (zipEntry.Length > limits.SmallEntryBytes && zipEntry.Length > ratioLimit)
            {
                throw new DatasetImportException(
                    $"{archiveName}: entry '{path}' expands from {zipEntry.CompressedLength:N0} to {zipEntry.Length:N0} bytes, " +
                    $"more than {limits.MaxExpansionRatio} times (a ZIP bomb?).");
            }

            declaredTotal = declaredTotal > long.MaxValue - zipEntry.Length ? long.MaxValue : declaredTotal + zipEntry.Length;
            entries.Add(new SafeArchiveEntry(zipEntry, path, archiveName));
        }

        var budget = ExpansionBudget(archiveBytes);
        if (declaredTotal > budget)
        {
            throw new DatasetImportException(
                $"{archiveName} declares {declaredTotal:N0} expanded bytes, more than its limit of {budget:N0} bytes " +
                $"({limits.MaxExpansionRatio} times its size, at most {limits.MaxArchiveBytes:N0}).");
        }

        return entries;
    }

    private long ExpansionBudget(long archiveBytes) =>
        (long)Math.Min(limits.MaxArchiveBytes, Math.Max(limits.SmallEntryBytes, archiveBytes * limits.MaxExpansionRatio));

    /// <summary>
    /// Turns a ZIP entry name into a safe relative path with <c>/</c> separators, or throws if it is absolute or
    /// climbs out of the root. Directory entries come back ending in <c>/</c>.
    /// </summary>
    public static string NormalizeEntryPath(string entryName, string archiveName)
    {
        var name = entryName.Replace('\\', '/');
        if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':') || name.Contains('\0'))
        {
            throw new DatasetImportException($"{archiveName}: entry '{entryName}' has an absolute path; entries must stay inside the archive root.");
        }

        var isDirectory = name.EndsWith('/');
        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToList();
        if (segments.Any(s => s == ".."))
        {
            throw new DatasetImportException($"{archiveName}: entry '{entryName}' escapes the archive root with '..'.");
        }

        var joined = string.Join('/', segments);
        return isDirectory && joined.Length > 0 ? joined + "/" : joined;
    }

    private static FileStream OpenFile(string zipPath)
    {
        try
        {
            return new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DatasetImportException($"Archive '{zipPath}' does not exist.", e);
        }
    }
}
