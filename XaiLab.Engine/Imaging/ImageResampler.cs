namespace XaiLab.Engine.Imaging;

/// <summary>
/// Resizing of single planes. Bilinear uses pixel centres (PyTorch <c>align_corners=False</c>, no antialiasing), so a
/// pixel keeps its place when the size changes; nearest picks the source pixel whose centre is closest.
/// </summary>
public static class ImageResampler
{
    /// <summary>Bilinear resize of a row-major float plane.</summary>
    public static float[] ResizeBilinear(float[] source, int sourceWidth, int sourceHeight, int width, int height)
    {
        Validate(source.Length, sourceWidth, sourceHeight, width, height);
        if (width == sourceWidth && height == sourceHeight)
        {
            return (float[])source.Clone();
        }
        var (x0, x1, wx) = Weights(sourceWidth, width);
        var (y0, y1, wy) = Weights(sourceHeight, height);
        var result = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            var top = y0[y] * sourceWidth;
            var bottom = y1[y] * sourceWidth;
            for (var x = 0; x < width; x++)
            {
                var upper = source[top + x0[x]] * (1 - wx[x]) + source[top + x1[x]] * wx[x];
                var lower = source[bottom + x0[x]] * (1 - wx[x]) + source[bottom + x1[x]] * wx[x];
                result[y * width + x] = (float)(upper * (1 - wy[y]) + lower * wy[y]);
            }
        }
        return result;
    }

    /// <summary>Nearest-neighbour resize of a mask (keeps it binary).</summary>
    public static BinaryMask ResizeNearest(BinaryMask mask, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(mask);
        Validate(mask.Values.Length, mask.Width, mask.Height, width, height);
        var result = new bool[width * height];
        for (var y = 0; y < height; y++)
        {
            var sy = Nearest(y, mask.Height, height);
            for (var x = 0; x < width; x++)
            {
                result[y * width + x] = mask.Values[sy * mask.Width + Nearest(x, mask.Width, width)];
            }
        }
        return new BinaryMask(width, height, result);
    }

    private static int Nearest(int target, int sourceSize, int targetSize) =>
        Math.Min(sourceSize - 1, (int)Math.Floor((target + 0.5) * sourceSize / targetSize));

    private static (int[] Low, int[] High, double[] Weight) Weights(int sourceSize, int targetSize)
    {
        var low = new int[targetSize];
        var high = new int[targetSize];
        var weight = new double[targetSize];
        var scale = (double)sourceSize / targetSize;
        for (var i = 0; i < targetSize; i++)
        {
            var position = Math.Max(0, (i + 0.5) * scale - 0.5);
            var floor = Math.Min((int)position, sourceSize - 1);
            low[i] = floor;
            high[i] = Math.Min(floor + 1, sourceSize - 1);
            weight[i] = position - floor;
        }
        return (low, high, weight);
    }

    private static void Validate(int length, int sourceWidth, int sourceHeight, int width, int height)
    {
        if (sourceWidth < 1 || sourceHeight < 1 || length != sourceWidth * sourceHeight)
        {
            throw new ArgumentException($"Source of {length} values does not match {sourceWidth}x{sourceHeight}.");
        }
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Target size {width}x{height} must be positive.");
        }
    }
}
