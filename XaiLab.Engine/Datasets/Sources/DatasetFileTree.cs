using XaiLab.Engine.Datasets.Archives;

namespace XaiLab.Engine.Datasets.Sources;

/// <summary>
/// The files of a dataset as relative paths, whether it is a folder or a ZIP archive, so that every reader and the
/// format detector work on both without extracting anything. When everything sits under one top folder (as in
/// <c>COVID-19_Radiography_Dataset.zip</c>) and it has subfolders of its own, that folder becomes the root (a lone
/// class folder of images stays a class folder). macOS metadata (<c>__MACOSX/</c>,
/// <c>._*</c>, <c>.DS_Store</c>) is left out.
/// </summary>
public sealed class DatasetFileTree : IDisposable
{
    private readonly Func<string, Stream> open;
    private readonly IDisposable? owner;
    private readonly string prefix;

    private DatasetFileTree(string name, IReadOnlyList<string> rawFiles, Func<string, Stream> open, IDisposable? owner)
    {
        Name = name;
        this.open = open;
        this.owner = owner;
        var visible = rawFiles.Where(IsVisible).ToList();
        prefix = CommonTopFolder(visible);
        Files = visible.Select(f => f[prefix.Length..]).Order(StringComparer.Ordinal).ToList();
        FileSet = new HashSet<string>(Files, StringComparer.Ordinal);
    }

    /// <summary>Folder or archive name, for messages.</summary>
    public string Name { get; }

    /// <summary>All files, relative to the root, <c>/</c> separated, in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    private HashSet<string> FileSet { get; }

    /// <summary>
    /// Opens a dataset folder, or a <c>.zip</c> file through <see cref="SafeArchiveExtractor"/> with
    /// <paramref name="limits"/> (<see cref="ImportLimits.Default"/> when null).
    /// </summary>
    public static DatasetFileTree Open(string path, ImportLimits? limits = null)
    {
        if (Directory.Exists(path))
        {
            var root = Path.GetFullPath(path);
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .ToList();
            return new DatasetFileTree(Path.GetFileName(root), files, rel => File.OpenRead(Path.Combine(root, rel)), null);
        }

        if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return FromArchive(new SafeArchiveExtractor(limits).Open(path));
        }

        if (File.Exists(path))
        {
            throw new DatasetImportException($"'{Path.GetFileName(path)}' is neither a folder nor a .zip archive.");
        }

        throw new DatasetImportException($"Dataset path '{path}' does not exist.");
    }

    /// <summary>Wraps an archive already opened by <see cref="SafeArchiveExtractor"/>; disposing the tree disposes it.</summary>
    public static DatasetFileTree FromArchive(SafeArchive archive)
    {
        var byPath = new Dictionary<string, SafeArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            byPath[entry.Path] = entry;
        }

        return new DatasetFileTree(archive.Name, byPath.Keys.ToList(), rel => byPath[rel].OpenRead(), archive);
    }

    /// <summary>Whether <paramref name="relativePath"/> is one of <see cref="Files"/>.</summary>
    public bool Contains(string relativePath) => FileSet.Contains(relativePath);

    /// <summary>Opens one of <see cref="Files"/> for reading.</summary>
    public Stream OpenRead(string relativePath)
    {
        if (!FileSet.Contains(relativePath))
        {
            throw new DatasetImportException($"{Name}: '{relativePath}' is not in the dataset.");
        }

        return open(prefix + relativePath);
    }

    /// <summary>Reads a whole file; used for single images and <c>.mat</c> slices, never for a whole dataset.</summary>
    public byte[] ReadAllBytes(string relativePath)
    {
        using var stream = OpenRead(relativePath);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public void Dispose() => owner?.Dispose();

    private static bool IsVisible(string path)
    {
        var segments = path.Split('/');
        var file = segments[^1];
        return !segments.Contains("__MACOSX") && !file.StartsWith("._", StringComparison.Ordinal) && file != ".DS_Store";
    }

    private static string CommonTopFolder(IReadOnlyList<string> files)
    {
        var prefix = string.Empty;
        while (files.Count > 0)
        {
            var rest = files.Select(f => f[prefix.Length..]).ToList();
            var slash = rest[0].IndexOf('/');
            if (slash < 0)
            {
                break;
            }

            var top = rest[0][..(slash + 1)];
            if (!rest.All(f => f.StartsWith(top, StringComparison.Ordinal)) || !rest.Any(f => f.IndexOf('/', top.Length) >= 0))
            {
                break;
            }

            prefix += top;
        }

        return prefix;
    }
}
