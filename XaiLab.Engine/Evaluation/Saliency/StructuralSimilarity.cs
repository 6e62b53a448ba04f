namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// Structural similarity (Wang et al. 2004) of two maps [H * W] as scikit-image's <c>structural_similarity</c> computes
/// it by default: both maps min-max normalised to [0, 1] first (Adebayo et al. 2018 compare normalised maps), a uniform
/// 7 x 7 window, sample covariances, K1 = 0.01, K2 = 0.03, data range 1, and the mean over the windows that fit inside
/// the image. Images smaller than the window use a window of their smaller side (odd).
/// </summary>
public static class StructuralSimilarity
{
    /// <summary>In [-1, 1]; 1 for maps equal up to a positive affine change.</summary>
    public static double Of(float[] a, float[] b, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != height * width || b.Length != height * width)
        {
            throw new ArgumentException($"Maps of {a.Length} and {b.Length} values do not fill {height} x {width}.", nameof(b));
        }
        var x = Normalised(a);
        var y = Normalised(b);
        var window = Math.Min(7, Math.Min(height, width));
        if (window % 2 == 0) window--;
        var n = (double)window * window;
        var covarianceNorm = n / (n - 1);
        const double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
        double total = 0;
        var count = 0;
        for (var top = 0; top + window <= height; top++)
        {
            for (var left = 0; left + window <= width; left++)
            {
                double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
                for (var r = top; r < top + window; r++)
                {
                    for (var c = left; c < left + window; c++)
                    {
                        var u = x[r * width + c];
                        var v = y[r * width + c];
                        sx += u;
                        sy += v;
                        sxx += u * u;
                        syy += v * v;
                        sxy += u * v;
                    }
                }
                var mx = sx / n;
                var my = sy / n;
                var vx = covarianceNorm * (sxx / n - mx * mx);
                var vy = covarianceNorm * (syy / n - my * my);
                var cxy = covarianceNorm * (sxy / n - mx * my);
                total += (2 * mx * my + c1) * (2 * cxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
                count++;
            }
        }
        return total / count;
    }

    private static double[] Normalised(float[] map)
    {
        var min = map.Min();
        var range = (double)map.Max() - min;
        return map.Select(v => range > 0 ? (v - min) / range : 0.0).ToArray();
    }
}
