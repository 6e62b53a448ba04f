namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// Forward-only reading of a DICOM file with a look-ahead buffer, so that the parser can peek at the next tag (to
/// tell where the file meta group ends) on streams that cannot seek, such as ZIP entries. Skipped values are
/// seeked over when the stream allows it and read and dropped otherwise; nothing is read into memory but the
/// buffer and the values asked for. Running out of bytes throws <see cref="EndOfStreamException"/>, which the parser
/// turns into a message naming the element.
/// </summary>
internal sealed class DicomInput
{
    private const int Capacity = 1 << 16;
    private readonly Stream stream;
    private readonly byte[] buffer = new byte[Capacity];
    private int start;
    private int end;
    private bool exhausted;

    public DicomInput(Stream stream) => this.stream = stream;

    /// <summary>Bytes consumed from the start of the file.</summary>
    public long Offset { get; private set; }

    /// <summary>Whether the file ends here.</summary>
    public bool AtEnd => !Fill(1);

    /// <summary>The next <paramref name="count"/> bytes (at most 64 KiB), without consuming them; valid until the next call.</summary>
    public ReadOnlySpan<byte> Peek(int count) => Fill(count) ? buffer.AsSpan(start, count) : throw new EndOfStreamException();

    /// <summary>Consumes the next <paramref name="count"/> bytes (at most 64 KiB); the span is valid until the next call.</summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        var span = Peek(count);
        start += count;
        Offset += count;
        return span;
    }

    /// <summary>Reads the next <paramref name="count"/> bytes into a new array.</summary>
    public byte[] ReadArray(int count)
    {
        var result = new byte[count];
        var done = 0;
        while (done < count)
        {
            var chunk = Math.Min(count - done, Capacity);
            Take(chunk).CopyTo(result.AsSpan(done));
            done += chunk;
        }

        return result;
    }

    /// <summary>Skips <paramref name="count"/> bytes; throws when the file is shorter.</summary>
    public void Skip(long count)
    {
        var buffered = Math.Min(count, end - start);
        start += (int)buffered;
        Offset += buffered;
        var rest = count - buffered;
        if (rest == 0)
        {
            return;
        }

        if (stream.CanSeek)
        {
            if (stream.Length - stream.Position < rest)
            {
                throw new EndOfStreamException();
            }

            stream.Seek(rest, SeekOrigin.Current);
            Offset += rest;
            return;
        }

        while (rest > 0)
        {
            var chunk = (int)Math.Min(rest, Capacity);
            Take(chunk);
            rest -= chunk;
        }
    }

    private bool Fill(int count)
    {
        if (end - start >= count)
        {
            return true;
        }

        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        while (end < count && !exhausted)
        {
            var read = stream.Read(buffer, end, Capacity - end);
            if (read == 0)
            {
                exhausted = true;
            }

            end += read;
        }

        return end >= count;
    }
}
