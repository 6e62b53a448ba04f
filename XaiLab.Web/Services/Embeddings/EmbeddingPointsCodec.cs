using System.Buffers.Binary;

namespace XaiLab.Web.Services.Embeddings;

/// <summary>The points artifact: (slice id: int32, x: float32, y: float32) per point, little-endian.</summary>
public static class EmbeddingPointsCodec
{
    private const int RecordSize = 12;

    public static byte[] Encode(IReadOnlyList<int> sliceIds, float[] coordinates)
    {
        var bytes = new byte[sliceIds.Count * RecordSize];
        for (var i = 0; i < sliceIds.Count; i++)
        {
            var record = bytes.AsSpan(i * RecordSize, RecordSize);
            BinaryPrimitives.WriteInt32LittleEndian(record, sliceIds[i]);
            BinaryPrimitives.WriteSingleLittleEndian(record[4..], coordinates[2 * i]);
            BinaryPrimitives.WriteSingleLittleEndian(record[8..], coordinates[2 * i + 1]);
        }
        return bytes;
    }

    public static IReadOnlyList<(int SliceId, float X, float Y)> Decode(byte[] bytes)
    {
        var points = new (int, float, float)[bytes.Length / RecordSize];
        for (var i = 0; i < points.Length; i++)
        {
            var record = bytes.AsSpan(i * RecordSize, RecordSize);
            points[i] = (BinaryPrimitives.ReadInt32LittleEndian(record), BinaryPrimitives.ReadSingleLittleEndian(record[4..]),
                BinaryPrimitives.ReadSingleLittleEndian(record[8..]));
        }
        return points;
    }
}
