using Microsoft.Extensions.Options;
using XaiLab.Data;

namespace XaiLab.Web.Services.Datasets;

/// <summary>
/// Uploaded files waiting to be imported, under <c>uploads/</c> in the data directory: one folder per upload so the
/// user's file name (which import messages quote) is kept without clashes.
/// </summary>
public sealed class DatasetUploadStore
{
    public DatasetUploadStore(IOptions<XaiLabOptions> options, IHostEnvironment environment)
    {
        Root = Path.Combine(DataHostingExtensions.ResolveDataDirectory(options.Value, environment.ContentRootPath), "uploads");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A new, empty path for an upload named <paramref name="fileName"/> (only its last segment is kept).</summary>
    public string NewPath(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/').Split('/').Last()).Trim();
        foreach (var invalid in Path.GetInvalidFileNameChars())
        {
            name = name.Replace(invalid, '_');
        }
        if (name.Length == 0 || name is "." or "..")
        {
            name = "upload.zip";
        }
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
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
