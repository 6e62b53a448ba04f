namespace XaiLab.Engine.Imaging;

/// <summary>The outline of a mask, as drawn over slices and saliency maps.</summary>
public static class MaskContour
{
    /// <summary>
    /// Mask pixels with a 4-neighbour outside the mask or on the image border, after resizing the mask (nearest) to
    /// <paramref name="width"/> x <paramref name="height"/> if needed.
    /// </summary>
    public static bool[] Of(BinaryMask mask, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var resized = mask.Width == width && mask.Height == height ? mask : ImageResampler.ResizeNearest(mask, width, height);
        var result = new bool[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (!resized[x, y])
                {
                    continue;
                }
                result[y * width + x] = x == 0 || y == 0 || x == width - 1 || y == height - 1 ||
                    !resized[x - 1, y] || !resized[x + 1, y] || !resized[x, y - 1] || !resized[x, y + 1];
            }
        }
        return result;
    }
}
