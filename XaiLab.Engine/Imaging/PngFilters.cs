namespace XaiLab.Engine.Imaging;

/// <summary>PNG scanline filters 0-4 (None, Sub, Up, Average, Paeth), per the PNG specification section 9.</summary>
internal static class PngFilters
{
    /// <summary>Filters every row with the filter of least sum of absolute (signed byte) values, the spec's heuristic.</summary>
    public static byte[] Filter(byte[] raw, int stride, int height, int bytesPerPixel)
    {
        var output = new byte[(stride + 1) * height];
        var candidate = new byte[stride];
        var best = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan(y * stride, stride);
            var previous = y > 0 ? raw.AsSpan((y - 1) * stride, stride) : Span<byte>.Empty;
            var bestScore = long.MaxValue;
            byte bestType = 0;
            for (byte type = 0; type <= 4; type++)
            {
                long score = 0;
                for (var i = 0; i < stride; i++)
                {
                    var left = i >= bytesPerPixel ? row[i - bytesPerPixel] : (byte)0;
                    var up = previous.IsEmpty ? (byte)0 : previous[i];
                    var upLeft = !previous.IsEmpty && i >= bytesPerPixel ? previous[i - bytesPerPixel] : (byte)0;
                    candidate[i] = (byte)(row[i] - Predict(type, left, up, upLeft));
                    score += Math.Abs((int)(sbyte)candidate[i]);
                }
                if (score < bestScore)
                {
                    bestScore = score;
                    bestType = type;
                    candidate.CopyTo(best, 0);
                }
            }
            output[y * (stride + 1)] = bestType;
            best.CopyTo(output, y * (stride + 1) + 1);
        }
        return output;
    }

    /// <summary>Reverses the filters of <paramref name="filtered"/> (one type byte per row) into raw rows.</summary>
    public static byte[] Unfilter(byte[] filtered, int stride, int height, int bytesPerPixel)
    {
        var raw = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var type = filtered[y * (stride + 1)];
            if (type > 4)
            {
                throw new InvalidDataException($"Unknown PNG filter type {type} in row {y}.");
            }
            var source = filtered.AsSpan(y * (stride + 1) + 1, stride);
            for (var i = 0; i < stride; i++)
            {
                var left = i >= bytesPerPixel ? raw[y * stride + i - bytesPerPixel] : (byte)0;
                var up = y > 0 ? raw[(y - 1) * stride + i] : (byte)0;
                var upLeft = y > 0 && i >= bytesPerPixel ? raw[(y - 1) * stride + i - bytesPerPixel] : (byte)0;
                raw[y * stride + i] = (byte)(source[i] + Predict(type, left, up, upLeft));
            }
        }
        return raw;
    }

    private static byte Predict(byte type, byte left, byte up, byte upLeft) => type switch
    {
        0 => 0,
        1 => left,
        2 => up,
        3 => (byte)((left + up) / 2),
        _ => Paeth(left, up, upLeft),
    };

    private static byte Paeth(byte a, byte b, byte c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
