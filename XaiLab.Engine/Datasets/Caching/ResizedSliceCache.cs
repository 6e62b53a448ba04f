using System.IO.MemoryMappedFiles;
using System.Text;
using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Caching;

/// <summary>
/// A dataset's slices already scaled to 0..1 and resized to one input size (the statistics-free half of
/// <see cref="SlicePreprocessor"/>), as float32 planes in one memory-mapped file. Loading a batch is then a copy out of the
/// page cache plus a z-score, instead of a PNG decode and a bilinear resize per slice, and memory stays flat: 20,000
/// slices at 224 are 4 GB on disk, not in the heap.
/// </summary>
/// <remarks>
/// Layout: "XLRC", version, size, count (int32 each), then count slice ids (int32), then count planes of size x size
/// float32, little-endian. A file is written under a temporary name and renamed, so a reader never sees a partial one.
/// </remarks>
public sealed class ResizedSliceCache : IDisposable
{
    private const int Version = 1;
    private static readonly byte[] Magic = "XLRC"u8.ToArray();

    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;
    private readonly long planesOffset;
    private readonly Dictionary<int, int> rows;

    private ResizedSliceCache(MemoryMappedFile file, MemoryMappedViewAccessor view, int size, int[] sliceIds, long planesOffset)
    {
        this.file = file;
        this.view = view;
        this.planesOffset = planesOffset;
        Size = size;
        SliceIds = sliceIds;
        rows = new Dictionary<int, int>(sliceIds.Length);
        for (var i = 0; i < sliceIds.Length; i++)
        {
            rows[sliceIds[i]] = i;
        }
    }

    /// <summary>Side of every plane.</summary>
    public int Size { get; }

    /// <summary>Slice ids in row order.</summary>
    public IReadOnlyList<int> SliceIds { get; }

    /// <summary>Number of planes.</summary>
    public int Count => SliceIds.Count;

    /// <summary>Row of <paramref name="sliceId"/>; throws when the cache does not hold it.</summary>
    public int RowOf(int sliceId) => rows.TryGetValue(sliceId, out var row)
        ? row
        : throw new KeyNotFoundException($"Slice {sliceId} is not in the resized-slice cache.");

    /// <summary>Copies the plane of <paramref name="row"/> into <paramref name="destination"/> (Size x Size values).</summary>
    public void ReadPlane(int row, float[] destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        var length = Size * Size;
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; a plane has {length}.", nameof(destination));
        }
        view.ReadArray(planesOffset + (long)row * length * sizeof(float), destination, 0, length);
    }

    /// <summary>A new array with the plane of <paramref name="row"/>.</summary>
    public float[] Plane(int row)
    {
        var plane = new float[Size * Size];
        ReadPlane(row, plane);
        return plane;
    }

    /// <summary>
    /// Writes a cache file from <paramref name="planes"/> (slice id and its resized plane, in row order), atomically:
    /// on any failure, cancellation included, nothing is left at <paramref name="path"/> or beside it.
    /// </summary>
    public static void Write(string path, int size, int count, IEnumerable<(int SliceId, float[] Plane)> planes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(planes);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(Version);
                writer.Write(size);
                writer.Write(count);
                var idsOffset = stream.Position;
                stream.SetLength(idsOffset + count * sizeof(int));
                stream.Position = idsOffset + count * sizeof(int);
                var ids = new int[count];
                var written = 0;
                foreach (var (sliceId, plane) in planes)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (written == count)
                    {
                        throw new ArgumentException($"More than the announced {count} planes.", nameof(planes));
                    }
                    if (plane.Length != size * size)
                    {
                        throw new ArgumentException($"Slice {sliceId}: a {size}x{size} plane needs {size * size} values, got {plane.Length}.", nameof(planes));
                    }
                    writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(plane.AsSpan()));
                    ids[written++] = sliceId;
                }
                if (written != count)
                {
                    throw new ArgumentException($"{written} planes; {count} were announced.", nameof(planes));
                }
                stream.Position = idsOffset;
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ids.AsSpan()));
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Opens a cache file for reading; throws <see cref="InvalidDataException"/> on a file that is not one.</summary>
    public static ResizedSliceCache Open(string path)
    {
        int size, count;
        int[] ids;
        long planesOffset;
        using (var stream = File.OpenRead(path))
        using (var reader = new BinaryReader(stream))
        {
            if (stream.Length < 16 || !reader.ReadBytes(4).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != Version)
            {
                throw new InvalidDataException($"{path} is not a resized-slice cache of version {Version}.");
            }
            size = reader.ReadInt32();
            count = reader.ReadInt32();
            planesOffset = 16 + (long)count * sizeof(int);
            if (size < 1 || count < 0 || stream.Length != planesOffset + (long)count * size * size * sizeof(float))
            {
                throw new InvalidDataException($"{path} is truncated or has an inconsistent header.");
            }
            ids = new int[count];
            stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ids.AsSpan()));
        }
        if (count == 0)
        {
            throw new InvalidDataException($"{path} holds no planes.");
        }
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        try
        {
            var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            return new ResizedSliceCache(file, view, size, ids, planesOffset);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        view.Dispose();
        file.Dispose();
    }
}
