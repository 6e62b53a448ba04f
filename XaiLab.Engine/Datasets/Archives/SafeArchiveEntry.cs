using System.IO.Compression;

namespace XaiLab.Engine.Datasets.Archives;

/// <summary>One file in a <see cref="SafeArchive"/>.</summary>
public sealed class SafeArchiveEntry
{
    private readonly ZipArchiveEntry entry;
    private readonly string archiveName;

    internal SafeArchiveEntry(ZipArchiveEntry entry, string path, string archiveName)
    {
        this.entry = entry;
        this.archiveName = archiveName;
        Path = path;
    }

    /// <summary>Relative path inside the archive, <c>/</c> separated, never absolute and never with <c>..</c>.</summary>
    public string Path { get; }

    /// <summary>Expanded size the archive declares; reading more than this fails.</summary>
    public long DeclaredLength => entry.Length;

    /// <summary>Compressed size the archive declares.</summary>
    public long CompressedLength => entry.CompressedLength;

    internal SafeArchive? Owner { get; set; }

    /// <summary>
    /// Opens the entry for streaming. The stream fails with <see cref="DatasetImportException"/> if the entry inflates to
    /// more than <see cref="DeclaredLength"/>, past the archive's budget, or is corrupt.
    /// </summary>
    public Stream OpenRead()
    {
        try
        {
            return new CountingStream(entry.Open(), this, archiveName);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetImportException($"{archiveName}: entry '{Path}' is corrupt: {e.Message}", e);
        }
    }

    private sealed class CountingStream(Stream inner, SafeArchiveEntry owner, string archiveName) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n;
            try
            {
                n = inner.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                throw new DatasetImportException($"{archiveName}: entry '{owner.Path}' is corrupt or truncated: {e.Message}", e);
            }

            read += n;
            if (read > owner.DeclaredLength)
            {
                throw new DatasetImportException(
                    $"{archiveName}: entry '{owner.Path}' inflates to more than its declared {owner.DeclaredLength:N0} bytes.");
            }

            owner.Owner?.Count(n, owner);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
