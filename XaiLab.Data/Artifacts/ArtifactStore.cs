namespace XaiLab.Data.Artifacts;

/// <summary>
/// Files that belong to database rows (slice PNGs, checkpoints, saliency maps), under one root folder. Rows keep the
/// relative path. Writes are atomic: a file is written beside its target and moved into place, so a crash never leaves
/// half a file under a name a row points to.
/// </summary>
public sealed class ArtifactStore
{
    public ArtifactStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Absolute path of a relative artifact path; rejects paths that leave the root.</summary>
    public string Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Artifact path '{relativePath}' leaves the artifact root.", nameof(relativePath));
        }
        return full;
    }

    public async Task WriteAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var target = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".partial";
        await File.WriteAllBytesAsync(temp, content.ToArray(), cancellationToken);
        File.Move(temp, target, overwrite: true);
    }

    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var target = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".partial";
        File.WriteAllBytes(temp, content);
        File.Move(temp, target, overwrite: true);
    }

    public bool Exists(string relativePath) => File.Exists(Resolve(relativePath));

    public Task<byte[]> ReadAsync(string relativePath, CancellationToken cancellationToken = default) =>
        File.ReadAllBytesAsync(Resolve(relativePath), cancellationToken);

    public byte[] Read(string relativePath) => File.ReadAllBytes(Resolve(relativePath));

    public Stream OpenRead(string relativePath) =>
        new FileStream(Resolve(relativePath), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);

    /// <summary>Deletes a folder of artifacts (e.g. a dataset's slices after a failed import); missing is fine.</summary>
    public void DeleteFolder(string relativeFolder)
    {
        var full = Resolve(relativeFolder);
        if (Directory.Exists(full))
        {
            Directory.Delete(full, recursive: true);
        }
    }
}
