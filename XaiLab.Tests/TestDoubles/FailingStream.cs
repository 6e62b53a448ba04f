namespace XaiLab.Tests.TestDoubles;

/// <summary>
/// A readable stream of <c>length</c> bytes that fails with the kernel's ENOSPC message once <c>failAfter</c> bytes were
/// read: the write of an artifact that runs out of disk halfway.
/// </summary>
public sealed class FailingStream(long length, long failAfter) : Stream
{
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (position >= failAfter)
        {
            throw new IOException("No space left on device");
        }
        var n = (int)Math.Min(count, Math.Min(length, failAfter) - position);
        Array.Fill(buffer, (byte)7, offset, n);
        position += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
