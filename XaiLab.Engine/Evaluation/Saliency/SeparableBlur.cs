namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>A Gaussian blur of every channel of a [C, H, W] image in plain arrays, with zero padding (radius round(4 sigma)).</summary>
internal static class SeparableBlur
{
    public static float[] Blur(float[] image, int channels, int height, int width, double sigma)
    {
        var radius = (int)(4.0 * sigma + 0.5);
        if (sigma <= 0 || radius == 0) return (float[])image.Clone();
        var kernel = new double[2 * radius + 1];
        for (var i = -radius; i <= radius; i++) kernel[i + radius] = Math.Exp(-0.5 * i * i / (sigma * sigma));
        var norm = kernel.Sum();
        for (var i = 0; i < kernel.Length; i++) kernel[i] /= norm;

        var rows = new double[image.Length];
        var result = new float[image.Length];
        for (var c = 0; c < channels; c++)
        {
            var offset = c * height * width;
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var sum = 0.0;
                    for (var k = Math.Max(-radius, -x); k <= Math.Min(radius, width - 1 - x); k++)
                    {
                        sum += kernel[k + radius] * image[offset + y * width + x + k];
                    }
                    rows[offset + y * width + x] = sum;
                }
            }
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var sum = 0.0;
                    for (var k = Math.Max(-radius, -y); k <= Math.Min(radius, height - 1 - y); k++)
                    {
                        sum += kernel[k + radius] * rows[offset + (y + k) * width + x];
                    }
                    result[offset + y * width + x] = (float)sum;
                }
            }
        }
        return result;
    }
}
