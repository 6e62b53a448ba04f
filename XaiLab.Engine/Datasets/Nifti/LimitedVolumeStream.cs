namespace XaiLab.Engine.Datasets.Nifti;

/// <summary>
/// The (decompressed) bytes of one volume file, counted as they are read: once more than the limit have come through,
/// reading fails. A <c>.nii.gz</c> is read to its end so that gzip checks its CRC and length, and this counter is what
/// keeps that read from expanding a small file without bound (a gzip bomb), whatever its header declares.
/// </summary>
internal sealed class LimitedVolumeStream(Stream inner, long limit, string sourceName) : Stream
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

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
            throw new DatasetImportException($"{sourceName} is corrupt: its gzip stream cannot be decompressed ({e.Message}).", e);
        }

        BytesRead += n;
        if (BytesRead > limit)
        {
            throw new DatasetImportException(
                $"{sourceName} expands to more than {limit:N0} bytes, the limit for one volume file " +
                "(ImportLimits.MaxVolumeBytes); it is refused (a gzip bomb?).");
        }

        return n;
    }

    /// <summary>Reads and discards up to <paramref name="count"/> bytes (all that is left when null); returns how
    /// many.</summary>
    public long Skip(long? count = null)
    {
        var scratch = new byte[81920];
        long skipped = 0;
        while (count is null || skipped < count)
        {
            var n = Read(scratch.AsSpan(0, (int)Math.Min(scratch.Length, (count ?? long.MaxValue) - skipped)));
            if (n == 0)
            {
                break;
            }

            skipped += n;
        }

        return skipped;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
