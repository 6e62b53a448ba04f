using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace XaiLab.Engine.Models.Weights;

/// <summary>
/// The <c>__metadata__</c> entry of a safetensors header: a flat string-to-string map that
/// <c>safetensors.safe_open(...).metadata()</c> returns and loaders otherwise ignore. TorchSharp.PyBridge writes headers
/// without it, so <see cref="Insert"/> rewrites a finished file's header; the tensor bytes are copied unchanged (their
/// offsets count from the end of the header, so they stay valid).
/// </summary>
internal static class SafetensorsMetadata
{
    private const string Key = "__metadata__";

    /// <summary>
    /// <paramref name="file"/> (a complete safetensors file) with <paramref name="metadata"/> as its header's
    /// <c>__metadata__</c>, replacing any there; the header is padded with spaces to a multiple of 8 bytes, as the format
    /// recommends, so the tensor data stays aligned.
    /// </summary>
    public static byte[] Insert(ReadOnlySpan<byte> file, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (file.Length < 8)
        {
            throw new InvalidDataException("Not a safetensors file: shorter than its 8-byte header length.");
        }
        var length = BinaryPrimitives.ReadUInt64LittleEndian(file);
        if (length > (ulong)(file.Length - 8))
        {
            throw new InvalidDataException($"Not a safetensors file: a header of {length} bytes in a file of {file.Length}.");
        }
        var header = JsonNode.Parse(file.Slice(8, (int)length)) as JsonObject
            ?? throw new InvalidDataException("Not a safetensors file: the header is not a JSON object.");
        var entries = new JsonObject();
        foreach (var (name, value) in metadata.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            entries[name] = value ?? throw new ArgumentException($"Metadata entry '{name}' has no value.", nameof(metadata));
        }
        header.Remove(Key);
        // Placed first so a person reading the header sees it at once; JSON objects are unordered, so no reader depends on it.
        var rewritten = new JsonObject { [Key] = entries };
        foreach (var (name, value) in header.ToList())
        {
            header.Remove(name);
            rewritten[name] = value;
        }

        var json = Encoding.UTF8.GetBytes(rewritten.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        var padded = (json.Length + 7) / 8 * 8;
        var data = file[(8 + (int)length)..];
        var result = new byte[8 + padded + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)padded);
        json.CopyTo(result, 8);
        result.AsSpan(8 + json.Length, padded - json.Length).Fill((byte)' ');
        data.CopyTo(result.AsSpan(8 + padded));
        return result;
    }
}
