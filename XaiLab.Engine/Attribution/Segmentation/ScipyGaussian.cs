namespace XaiLab.Engine.Attribution.Segmentation;

/// <summary>
/// scipy.ndimage's Gaussian filtering of one line, computed as scipy computes it: the kernel of
/// <c>_gaussian_kernel1d</c> (radius int(truncate * sigma + 0.5), exp(-0.5 / sigma^2 * x^2) normalised by its sum taken
/// left to right) and <c>NI_Correlate1D</c>'s summation for a symmetric kernel (the centre term, then pairs from the
/// outermost in). Shared by <see cref="FelzenszwalbSegmentation"/> and <see cref="SkimageResize"/>.
/// </summary>
internal static class ScipyGaussian
{
    /// <summary>The normalised kernel, 2 * radius + 1 taps.</summary>
    public static double[] Kernel(double sigma, double truncate = 4.0)
    {
        var radius = (int)(truncate * sigma + 0.5);
        var kernel = new double[2 * radius + 1];
        var sigma2 = sigma * sigma;
        var sum = 0.0;
        for (var i = -radius; i <= radius; i++)
        {
            kernel[i + radius] = Math.Exp(-0.5 / sigma2 * (i * i));
            sum += kernel[i + radius];
        }
        for (var i = 0; i < kernel.Length; i++) kernel[i] /= sum;
        return kernel;
    }

    /// <summary>The filtered value at <paramref name="centre"/> of a line already extended by the kernel's radius.</summary>
    public static double Correlate(double[] line, int centre, double[] kernel)
    {
        var radius = kernel.Length / 2;
        var value = line[centre] * kernel[radius];
        for (var j = radius; j >= 1; j--) value += (line[centre - j] + line[centre + j]) * kernel[radius - j];
        return value;
    }
}
