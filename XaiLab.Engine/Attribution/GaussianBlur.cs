using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// Separable Gaussian blur of every channel with zero padding, as scipy's <c>gaussian_filter(mode='constant')</c> that
/// PAIR's Blur IG uses: kernel radius = round(4 sigma), weights normalised over the full radius.
/// </summary>
internal static class GaussianBlur
{
    /// <summary>Blurs <paramref name="images"/> [N, C, H, W]; sigma 0 returns a copy. The result is in the caller's scope.</summary>
    public static Tensor Blur(Tensor images, double sigma)
    {
        if (sigma <= 0)
        {
            return images.clone();
        }
        using var scope = NewDisposeScope();
        var channels = images.shape[1];
        var height = (int)images.shape[2];
        var width = (int)images.shape[3];
        var horizontal = Kernel(sigma, width - 1, images).reshape(1, 1, 1, -1).expand(channels, 1, 1, -1);
        var vertical = Kernel(sigma, height - 1, images).reshape(1, 1, -1, 1).expand(channels, 1, -1, 1);
        var rows = nn.functional.conv2d(images, horizontal, padding: [0, (horizontal.shape[3] - 1) / 2], groups: channels);
        var result = nn.functional.conv2d(rows, vertical, padding: [(vertical.shape[2] - 1) / 2, 0], groups: channels);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The normalised 1-D kernel, truncated to <paramref name="maxRadius"/> taps each side: with zero padding, taps
    /// further than the image side only ever meet zeros, so dropping them changes nothing.
    /// </summary>
    private static Tensor Kernel(double sigma, int maxRadius, Tensor like)
    {
        var radius = (int)(4.0 * sigma + 0.5);
        var weights = new double[2 * radius + 1];
        var sum = 0.0;
        for (var i = -radius; i <= radius; i++)
        {
            weights[i + radius] = Math.Exp(-0.5 * i * i / (sigma * sigma));
            sum += weights[i + radius];
        }
        var kept = Math.Min(radius, Math.Max(maxRadius, 0));
        var taps = new double[2 * kept + 1];
        for (var i = -kept; i <= kept; i++)
        {
            taps[i + kept] = weights[i + radius] / sum;
        }
        return tensor(taps, ScalarType.Float64, like.device).to_type(like.dtype);
    }
}
