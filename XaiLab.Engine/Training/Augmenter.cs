namespace XaiLab.Engine.Training;

/// <summary>Applies <see cref="AugmentationOptions"/> to one [C, H, W] sample on the CPU, drawing from a caller's generator.</summary>
public static class Augmenter
{
    /// <summary>
    /// A transformed copy of <paramref name="pixels"/> ([<paramref name="channels"/>, size, size] row-major); the input is
    /// not changed. Draws a fixed number of values from <paramref name="random"/> per call, whatever is enabled.
    /// </summary>
    public static float[] Apply(float[] pixels, int channels, int size, AugmentationOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        if (pixels.Length != channels * size * size)
        {
            throw new ArgumentException($"{pixels.Length} values do not make {channels}x{size}x{size}.", nameof(pixels));
        }
        var flipX = random.NextDouble() < 0.5 && options.HorizontalFlip;
        var flipY = random.NextDouble() < 0.5 && options.VerticalFlip;
        var angle = (random.NextDouble() * 2 - 1) * options.MaxRotationDegrees * Math.PI / 180;
        var scale = 1 + (random.NextDouble() * 2 - 1) * options.IntensityJitter;
        var shift = (random.NextDouble() * 2 - 1) * options.IntensityJitter;

        var output = new float[pixels.Length];
        var cos = Math.Cos(angle);
        var sin = Math.Sin(angle);
        var centre = (size - 1) / 2.0;
        var plane = size * size;
        for (var c = 0; c < channels; c++)
        {
            var offset = c * plane;
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    // Inverse mapping: where in the source does the output pixel (x, y) come from.
                    var dx = x - centre;
                    var dy = y - centre;
                    var sx = cos * dx + sin * dy + centre;
                    var sy = -sin * dx + cos * dy + centre;
                    if (flipX) sx = size - 1 - sx;
                    if (flipY) sy = size - 1 - sy;
                    var value = Sample(pixels, offset, size, sx, sy);
                    output[offset + y * size + x] = (float)(value * scale + shift);
                }
            }
        }
        return output;
    }

    private static double Sample(float[] pixels, int offset, int size, double x, double y)
    {
        var x0 = (int)Math.Floor(x);
        var y0 = (int)Math.Floor(y);
        var fx = x - x0;
        var fy = y - y0;
        if (fx < 1e-9 && fy < 1e-9)
        {
            return At(pixels, offset, size, x0, y0);
        }
        return (1 - fy) * ((1 - fx) * At(pixels, offset, size, x0, y0) + fx * At(pixels, offset, size, x0 + 1, y0))
            + fy * ((1 - fx) * At(pixels, offset, size, x0, y0 + 1) + fx * At(pixels, offset, size, x0 + 1, y0 + 1));
    }

    private static double At(float[] pixels, int offset, int size, int x, int y) =>
        x < 0 || y < 0 || x >= size || y >= size ? 0 : pixels[offset + y * size + x];
}
