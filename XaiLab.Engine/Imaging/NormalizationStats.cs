namespace XaiLab.Engine.Imaging;

/// <summary>
/// Dataset mean and standard deviation of pixel values scaled to 0..1 by each image's bit depth, for z-scoring.
/// Compute them on the training split only: statistics over the whole dataset leak the test set (the paper's protocol).
/// </summary>
/// <param name="Mean">Mean of the scaled pixels.</param>
/// <param name="Std">Population standard deviation of the scaled pixels (positive).</param>
public sealed record NormalizationStats(double Mean, double Std)
{
    /// <summary>Mean and standard deviation over every pixel of <paramref name="images"/> (at their own resolution).</summary>
    public static NormalizationStats FromImages(IEnumerable<SliceImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        long count = 0;
        double mean = 0, m2 = 0;
        foreach (var image in images)
        {
            var scale = 1.0 / SlicePreprocessor.MaximumValue(image.BitDepth);
            foreach (var pixel in image.Pixels)
            {
                // Welford's update: stable for millions of pixels.
                count++;
                var value = pixel * scale;
                var delta = value - mean;
                mean += delta / count;
                m2 += delta * (value - mean);
            }
        }
        if (count == 0)
        {
            throw new ArgumentException("Normalisation statistics need at least one image.", nameof(images));
        }
        var std = Math.Sqrt(m2 / count);
        return new NormalizationStats(mean, std > 1e-12 ? std : 1.0);
    }

    /// <summary>
    /// Mean and standard deviation over resized planes already scaled to 0..1 (see <see cref="SlicePreprocessor.Resize"/>):
    /// the statistics of what the network sees, computable from a resized-slice cache without decoding any image.
    /// </summary>
    public static NormalizationStats FromPlanes(IEnumerable<ReadOnlyMemory<float>> planes)
    {
        ArgumentNullException.ThrowIfNull(planes);
        long count = 0;
        double mean = 0, m2 = 0;
        foreach (var plane in planes)
        {
            // Per-plane sums in double, merged with Chan's parallel update: exact enough and far faster than Welford per pixel.
            var span = plane.Span;
            if (span.Length == 0)
            {
                continue;
            }
            double sum = 0;
            foreach (var value in span)
            {
                sum += value;
            }
            var planeMean = sum / span.Length;
            double planeM2 = 0;
            foreach (var value in span)
            {
                var d = value - planeMean;
                planeM2 += d * d;
            }
            var total = count + span.Length;
            var delta = planeMean - mean;
            mean += delta * span.Length / total;
            m2 += planeM2 + delta * delta * count * span.Length / total;
            count = total;
        }
        if (count == 0)
        {
            throw new ArgumentException("Normalisation statistics need at least one plane.", nameof(planes));
        }
        var std = Math.Sqrt(m2 / count);
        return new NormalizationStats(mean, std > 1e-12 ? std : 1.0);
    }
}
