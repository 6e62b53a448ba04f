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

    public Task WriteAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAsync(relativePath, async (stream, ct) => await stream.WriteAsync(content, ct), cancellationToken);

    /// <summary>Copies <paramref name="content"/> into the artifact; the file appears only once all of it is written.</summary>
    public Task WriteAsync(string relativePath, Stream content, CancellationToken cancellationToken = default) =>
        WriteAsync(relativePath, (stream, ct) => content.CopyToAsync(stream, ct), cancellationToken);

    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var target = Resolve(relativePath);
        var temp = TempPath(target);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw WriteFailed(relativePath, e);
        }
    }

    private async Task WriteAsync(string relativePath, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var target = Resolve(relativePath);
        var temp = TempPath(target);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e)
        {
            // Disk full, a failing source, a cancelled job: the partial file never takes the artifact's name.
            TryDelete(temp);
            if (e is IOException or UnauthorizedAccessException)
            {
                throw WriteFailed(relativePath, e);
            }
            throw;
        }
    }

    /// <summary>A temporary name beside the target, unique per write: two nodes writing one artifact never share it.</summary>
    private static string TempPath(string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return $"{target}.{Guid.NewGuid():N}.partial";
    }

    private static IOException WriteFailed(string relativePath, Exception e) =>
        new($"Could not write artifact '{relativePath}': {e.Message} Nothing was stored under that name.", e);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a .partial file is never read as an artifact.
        }
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
