namespace XaiLab.Engine.Attribution.Segmentation;

/// <summary>
/// scikit-image's <c>resize(image, shape, order=3, mode='constant', preserve_range=True, anti_aliasing=True)</c> of a
/// float32 (H, W, C) image, the resize PAIR's XRAI does before segmenting, computed the way scikit-image 0.19 and
/// scipy 1.10 compute it: a Gaussian anti-aliasing filter where an axis shrinks (sigma (factor - 1) / 2, 'grid-constant'
/// borders, rounded to float32 after each axis); then <c>ndimage.zoom(order=3, mode='grid-constant', grid_mode=True)</c>:
/// 12 pixels of zero padding on every axis (the channel axis too), the cubic B-spline prefilter per axis (mirror-initialised,
/// in float64), and tensor-product spline weights at ((k + 0.5) * in / out - 0.5) + 12; the result rounded to float32 and
/// clipped to the input's range. And <see cref="ResizeLabels"/>: the same zoom with order 0, for labellings.
/// </summary>
internal static class SkimageResize
{
    private const int Pad = 12;
    private const double Pole = -0.267949192431122706472553658494127633; // sqrt(3) - 2, scipy's pole for order 3

    /// <summary>Resizes [C, H, W] float32 values to [C, outHeight, outWidth].</summary>
    public static float[] Resize(ReadOnlySpan<float> image, int channels, int height, int width, int outHeight, int outWidth)
    {
        // Work in scikit-image's (H, W, C) layout so every axis is processed in its order.
        var hwc = new float[height * width * channels];
        for (var c = 0; c < channels; c++)
            for (var i = 0; i < height * width; i++)
                hwc[i * channels + c] = image[c * height * width + i];
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var v in hwc)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        int[] inShape = [height, width, channels];
        int[] outShape = [outHeight, outWidth, channels];
        var zoom = new double[3];
        for (var a = 0; a < 3; a++) zoom[a] = (double)inShape[a] / outShape[a];
        for (var a = 0; a < 2; a++)
        {
            var sigma = Math.Max(0, (zoom[a] - 1) / 2);
            if (sigma > 1e-15) GaussianAxis(hwc, inShape, a, sigma);
        }

        var coefficients = SplineCoefficients(hwc, inShape);
        int[] padded = [height + 2 * Pad, width + 2 * Pad, channels + 2 * Pad];
        var weights = new double[3][][];
        var starts = new int[3][];
        for (var a = 0; a < 3; a++)
        {
            weights[a] = new double[outShape[a]][];
            starts[a] = new int[outShape[a]];
            for (var k = 0; k < outShape[a]; k++)
            {
                var cc = (double)k;
                cc += 0.5;
                cc *= zoom[a];
                cc -= 0.5;
                cc += Pad;
                starts[a][k] = (int)Math.Floor(cc) - 1;
                weights[a][k] = Weights(cc);
            }
        }

        var result = new float[channels * outHeight * outWidth];
        var stride0 = padded[1] * padded[2];
        var stride1 = padded[2];
        for (var y = 0; y < outHeight; y++)
        {
            var wy = weights[0][y];
            var sy = starts[0][y];
            for (var x = 0; x < outWidth; x++)
            {
                var wx = weights[1][x];
                var sx = starts[1][x];
                for (var c = 0; c < channels; c++)
                {
                    var wc = weights[2][c];
                    var sc = starts[2][c];
                    var value = 0.0;
                    for (var i = 0; i < 4; i++)
                        for (var j = 0; j < 4; j++)
                            for (var l = 0; l < 4; l++)
                            {
                                var coefficient = coefficients[(sy + i) * stride0 + (sx + j) * stride1 + sc + l];
                                coefficient *= wy[i];
                                coefficient *= wx[j];
                                coefficient *= wc[l];
                                value += coefficient;
                            }
                    var rounded = (float)value;
                    result[c * outHeight * outWidth + y * outWidth + x] = Math.Clamp(rounded, min, max);
                }
            }
        }
        return result;
    }

    /// <summary>
    /// <c>resize(labels, shape, order=0, preserve_range=True, mode='constant', anti_aliasing=False)</c>: each output pixel
    /// takes the label at floor(((k + 0.5) * in / out - 0.5) + 0.5).
    /// </summary>
    public static int[] ResizeLabels(int[] labels, int height, int width, int outHeight, int outWidth)
    {
        var rows = Nearest(height, outHeight);
        var columns = Nearest(width, outWidth);
        var result = new int[outHeight * outWidth];
        for (var y = 0; y < outHeight; y++)
            for (var x = 0; x < outWidth; x++)
                result[y * outWidth + x] = labels[rows[y] * width + columns[x]];
        return result;
    }

    private static int[] Nearest(int size, int outSize)
    {
        var zoom = (double)size / outSize;
        var index = new int[outSize];
        for (var k = 0; k < outSize; k++)
        {
            var cc = (double)k;
            cc += 0.5;
            cc *= zoom;
            cc -= 0.5;
            index[k] = Math.Clamp((int)Math.Floor(cc + 0.5), 0, size - 1);
        }
        return index;
    }

    // scipy's get_spline_interpolation_weights for order 3.
    private static double[] Weights(double x)
    {
        x -= Math.Floor(x);
        var y = x;
        var z = 1.0 - x;
        var w = new double[4];
        w[1] = (y * y * (y - 2.0) * 3.0 + 4.0) / 6.0;
        w[2] = (z * z * (z - 2.0) * 3.0 + 4.0) / 6.0;
        w[0] = z * z * z / 6.0;
        w[3] = 1.0;
        for (var i = 0; i < 3; i++) w[3] -= w[i];
        return w;
    }

    // np.pad(image, 12) with zeros, then scipy's spline_filter(order=3, mode='grid-constant') axis by axis in float64.
    private static double[] SplineCoefficients(float[] hwc, int[] shape)
    {
        int[] padded = [shape[0] + 2 * Pad, shape[1] + 2 * Pad, shape[2] + 2 * Pad];
        var result = new double[padded[0] * padded[1] * padded[2]];
        for (var y = 0; y < shape[0]; y++)
            for (var x = 0; x < shape[1]; x++)
                for (var c = 0; c < shape[2]; c++)
                    result[((y + Pad) * padded[1] + x + Pad) * padded[2] + c + Pad] = hwc[(y * shape[1] + x) * shape[2] + c];
        int[] strides = [padded[1] * padded[2], padded[2], 1];
        for (var axis = 0; axis < 3; axis++)
        {
            var length = padded[axis];
            var line = new double[length];
            ForEachLine(padded, axis, start =>
            {
                for (var i = 0; i < length; i++) line[i] = result[start + i * strides[axis]];
                Filter(line);
                for (var i = 0; i < length; i++) result[start + i * strides[axis]] = line[i];
            });
        }
        return result;
    }

    // scipy's apply_filter for one pole with the mirror initialisation (grid-constant's spline mode).
    private static void Filter(double[] c)
    {
        var n = c.Length;
        if (n < 2) return;
        var z = Pole;
        var gain = (1.0 - z) * (1.0 - 1.0 / z);
        for (var i = 0; i < n; i++) c[i] *= gain;

        var zi = z;
        var zn1 = Math.Pow(z, n - 1);
        c[0] = c[0] + zn1 * c[n - 1];
        for (var i = 1; i < n - 1; ++i)
        {
            c[0] += zi * (c[i] + zn1 * c[n - 1 - i]);
            zi *= z;
        }
        c[0] /= 1 - zn1 * zn1;
        for (var i = 1; i < n; ++i) c[i] += z * c[i - 1];
        c[n - 1] = (z * c[n - 2] + c[n - 1]) * z / (z * z - 1);
        for (var i = n - 2; i >= 0; --i) c[i] = z * (c[i + 1] - c[i]);
    }

    // scipy's gaussian_filter1d along one axis of a float32 array: truncate 4, cval 0 outside, output rounded to float32.
    private static void GaussianAxis(float[] hwc, int[] shape, int axis, double sigma)
    {
        var kernel = ScipyGaussian.Kernel(sigma);
        var radius = kernel.Length / 2;
        int[] strides = [shape[1] * shape[2], shape[2], 1];
        var length = shape[axis];
        var line = new double[length + 2 * radius];
        ForEachLine(shape, axis, start =>
        {
            Array.Clear(line);
            for (var i = 0; i < length; i++) line[i + radius] = hwc[start + i * strides[axis]];
            for (var i = 0; i < length; i++)
            {
                hwc[start + i * strides[axis]] = (float)ScipyGaussian.Correlate(line, i + radius, kernel);
            }
        });
    }

    private static void ForEachLine(int[] shape, int axis, Action<int> line)
    {
        int[] strides = [shape[1] * shape[2], shape[2], 1];
        var others = Enumerable.Range(0, 3).Where(a => a != axis).ToArray();
        for (var i = 0; i < shape[others[0]]; i++)
            for (var j = 0; j < shape[others[1]]; j++)
                line(i * strides[others[0]] + j * strides[others[1]]);
    }
}
