using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Images;

/// <summary>Turns decoded mask images into <see cref="BinaryMask"/>s of their slice's size.</summary>
public static class MaskConverter
{
    /// <summary>
    /// Thresholds at half the sample range (above 127 for 8-bit, above 32767 for 16-bit), so that anti-aliased or
    /// JPEG-damaged edges split evenly and a 0/1 mask saved as 8-bit is refused as empty rather than read as all-false.
    /// </summary>
    public static BinaryMask FromImage(SliceImage image)
    {
        var threshold = (1 << (image.BitDepth - 1)) - 1;
        var values = new bool[image.Pixels.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = image.Pixels[i] > threshold;
        }

        return new BinaryMask(image.Width, image.Height, values);
    }

    /// <summary>
    /// Returns <paramref name="mask"/> at <paramref name="width"/> x <paramref name="height"/>. A mask of another size is
    /// resampled nearest-neighbour when <paramref name="allowResample"/> and its aspect ratio matches within 2%
    /// (the COVID-19 lung masks are 256x256 for 299x299 images); otherwise it is refused.
    /// </summary>
    /// <exception cref="DatasetImportException">The mask's shape does not fit the image.</exception>
    public static BinaryMask FitTo(BinaryMask mask, int width, int height, bool allowResample, string maskName)
    {
        if (mask.Width == width && mask.Height == height)
        {
            return mask;
        }

        var sameAspect = Math.Abs((double)mask.Width / mask.Height / ((double)width / height) - 1) <= 0.02;
        if (!allowResample || !sameAspect)
        {
            throw new DatasetImportException(
                $"Mask {maskName} is {mask.Width}x{mask.Height} but its image is {width}x{height}" +
                (allowResample ? " (aspect ratios differ, so it cannot be resized)." : "; masks must have the image's size."));
        }

        var values = new bool[width * height];
        for (var y = 0; y < height; y++)
        {
            var sy = Math.Min(mask.Height - 1, (int)((y + 0.5) * mask.Height / height));
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Min(mask.Width - 1, (int)((x + 0.5) * mask.Width / width));
                values[y * width + x] = mask.Values[sy * mask.Width + sx];
            }
        }

        return new BinaryMask(width, height, values);
    }
}
