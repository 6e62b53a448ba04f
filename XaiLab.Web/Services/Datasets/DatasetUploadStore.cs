using Microsoft.Extensions.Options;
using XaiLab.Data;

namespace XaiLab.Web.Services.Datasets;

/// <summary>
/// Uploaded files waiting to be imported, under <c>uploads/</c> in the data directory: one folder per upload, named by a
/// random GUID. The user's file name never chooses a folder: only its last segment survives, with every character a file
/// system could read as a separator or device replaced, so import messages can still quote it.
/// </summary>
public sealed class DatasetUploadStore
{
    public DatasetUploadStore(DataDirectory data)
    {
        Root = data.Combine("uploads");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A new, empty path for an upload named <paramref name="fileName"/> (only its sanitised last segment is kept).</summary>
    public string NewPath(string? fileName)
    {
        var name = SafeFileName(fileName);
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>The last segment of a client's file name, made harmless: no separators, control or reserved characters,
    /// no leading dots, at most 120 characters; "upload.zip" when nothing is left.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/').Split('/').Last().Trim();
        var invalid = Path.GetInvalidFileNameChars();
        name = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c).ToArray())
            .TrimStart('.').Trim();
        if (name.Length > 120)
        {
            var extension = Path.GetExtension(name);
            name = name[..(120 - Math.Min(extension.Length, 20))] + (extension.Length <= 20 ? extension : string.Empty);
        }
        return name.Length == 0 ? "upload.zip" : name;
    }

    /// <summary>A dataset name from a client's file name: its safe last segment without extension.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = Path.GetFileNameWithoutExtension(SafeFileName(fileName));
        return name.Length == 0 ? "upload" : name;
    }

    /// <summary>Creates the file at <paramref name="path"/> for writing (sequential, large buffer).</summary>
    public static FileStream Create(string path) =>
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1024 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Deletes an upload and its folder; missing is fine, and paths outside the uploads folder are refused.</summary>
    public void Delete(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null || !folder.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' is not an upload.", nameof(path));
        }
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
