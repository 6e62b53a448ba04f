using System.IO.Compression;

namespace XaiLab.Tests.Engine.Datasets;

/// <summary>A temporary folder for one test, deleted on dispose, with helpers to lay out files and ZIPs.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "xailab-ds-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>Writes a ZIP whose entries are named exactly as given (no normalisation, so hostile names survive).</summary>
    public string Zip(string name, params (string Entry, byte[] Content)[] entries)
    {
        var full = System.IO.Path.Combine(Path, name);
        using var zip = ZipFile.Open(full, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write(content);
        }

        return full;
    }

    /// <summary>Zips the folder <paramref name="folder"/> (relative paths, under <paramref name="rootInZip"/>).</summary>
    public string ZipFolder(string name, string folder, string rootInZip = "")
    {
        var entries = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (rootInZip + System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .ToArray();
        return Zip(name, entries);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
