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
    /// more than <see cref="DeclaredLength"/> or past the archive's budget, ends early, or fails its CRC-32 at the end
    /// (System.IO.Compression stops silently at the declared size, so a forged size would otherwise truncate quietly).
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
        private uint crc = 0xFFFFFFFFu;
        private bool verified;

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

            if (n == 0 && buffer.Length > 0)
            {
                Verify();
                return 0;
            }

            crc = Crc32.Update(crc, buffer[..n]);
            read += n;
            if (read > owner.DeclaredLength)
            {
                throw new DatasetImportException(
                    $"{archiveName}: entry '{owner.Path}' inflates to more than its declared {owner.DeclaredLength:N0} bytes.");
            }

            owner.Owner?.Count(n, owner);
            return n;
        }

        private void Verify()
        {
            if (verified)
            {
                return;
            }

            verified = true;
            if (read < owner.DeclaredLength)
            {
                throw new DatasetImportException(
                    $"{archiveName}: entry '{owner.Path}' is truncated ({read:N0} of {owner.DeclaredLength:N0} bytes).");
            }

            if ((crc ^ 0xFFFFFFFFu) != owner.entry.Crc32)
            {
                throw new DatasetImportException(
                    $"{archiveName}: entry '{owner.Path}' fails its CRC check after {read:N0} bytes (corrupt, or its declared size is forged).");
            }
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
