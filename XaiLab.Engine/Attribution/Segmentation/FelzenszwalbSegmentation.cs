namespace XaiLab.Engine.Attribution.Segmentation;

/// <summary>
/// Felzenszwalb-Huttenlocher graph segmentation, computed exactly as scikit-image's
/// <c>felzenszwalb(image, scale, sigma, min_size)</c> (the function PAIR's XRAI calls): the image in float64; Gaussian
/// smoothing per channel as scipy's <c>gaussian_filter</c> (radius int(4 sigma + 0.5), 'reflect' borders, rows then
/// columns, the symmetric-kernel summation order of scipy's correlate1d); an 8-connected grid graph (right, down,
/// down-right, up-right edges in scikit-image's order) weighted by the Euclidean distance of the smoothed channel vectors;
/// edges taken in <c>numpy.argsort</c>'s order (<see cref="NumpyArgsort"/>: ties as numpy breaks them); two components
/// merged while w &lt; min(Int(C1) + k/|C1|, Int(C2) + k/|C2|) with k = scale / 255 and each side rounded to float32, as
/// scikit-image's Cython declares them; then components smaller than min_size merged across the edges in the same order.
/// Labels are 0..k-1 in raster order of each segment's first pixel (numpy.unique of the union-find roots). The checked-in
/// references (<c>XaiLab.Tests/Engine/Attribution/Segmentation/References</c>, made by scikit-image) hold it to equal labels.
/// </summary>
public static class FelzenszwalbSegmentation
{
    /// <summary>
    /// Segments one image given as [C, H, W] row-major values.
    /// </summary>
    /// <param name="scale">Higher means larger segments (scikit-image default 1).</param>
    /// <param name="sigma">Gaussian pre-smoothing in pixels (scikit-image default 0.8).</param>
    /// <param name="minSize">Smallest segment kept, in pixels (scikit-image default 20).</param>
    /// <returns>A label per pixel, [H, W] row-major.</returns>
    public static int[] Segment(ReadOnlySpan<float> image, int channels, int height, int width,
        double scale = 1, double sigma = 0.8, int minSize = 20) =>
        SegmentAtScales(ToDouble(image), channels, height, width, [scale], sigma, minSize)[0];

    /// <inheritdoc cref="SegmentAtScales(ReadOnlySpan{double}, int, int, int, IReadOnlyList{double}, double, int)"/>
    public static int[][] SegmentAtScales(ReadOnlySpan<float> image, int channels, int height, int width,
        IReadOnlyList<double> scales, double sigma = 0.8, int minSize = 20) =>
        SegmentAtScales(ToDouble(image), channels, height, width, scales, sigma, minSize);

    /// <summary>
    /// Segments one image at several scales, sharing the smoothing and the sorted edge list (they do not depend on the
    /// scale), which is how XRAI's six segmentations stay cheap.
    /// </summary>
    public static int[][] SegmentAtScales(ReadOnlySpan<double> image, int channels, int height, int width,
        IReadOnlyList<double> scales, double sigma = 0.8, int minSize = 20)
    {
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (image.Length != channels * height * width)
        {
            throw new ArgumentException($"Expected {channels * height * width} values for [{channels}, {height}, {width}]; got {image.Length}.", nameof(image));
        }

        var smoothed = Smooth(image, channels, height, width, sigma);
        var (from, to, costs) = SortedEdges(smoothed, channels, height, width);
        var result = new int[scales.Count][];
        for (var s = 0; s < scales.Count; s++)
        {
            result[s] = Merge(from, to, costs, height * width, scales[s] / 255.0, minSize);
        }
        return result;
    }

    private static double[] ToDouble(ReadOnlySpan<float> image)
    {
        var result = new double[image.Length];
        for (var i = 0; i < image.Length; i++) result[i] = image[i];
        return result;
    }

    // scipy.ndimage.gaussian_filter(sigma=[sigma, sigma, 0], mode='reflect', truncate=4): axis 0 (rows), then axis 1.
    private static double[] Smooth(ReadOnlySpan<double> image, int channels, int height, int width, double sigma)
    {
        var result = image.ToArray();
        if (sigma <= 0) return result;
        var kernel = ScipyGaussian.Kernel(sigma);
        var radius = kernel.Length / 2;
        var plane = height * width;
        var line = new double[Math.Max(height, width) + 2 * radius];
        var columns = new double[result.Length];
        for (var c = 0; c < channels; c++)
        {
            var offset = c * plane;
            for (var x = 0; x < width; x++)
            {
                for (var i = 0; i < height + 2 * radius; i++) line[i] = result[offset + Reflect(i - radius, height) * width + x];
                for (var y = 0; y < height; y++) columns[offset + y * width + x] = ScipyGaussian.Correlate(line, y + radius, kernel);
            }
            for (var y = 0; y < height; y++)
            {
                for (var i = 0; i < width + 2 * radius; i++) line[i] = columns[offset + y * width + Reflect(i - radius, width)];
                for (var x = 0; x < width; x++) result[offset + y * width + x] = ScipyGaussian.Correlate(line, x + radius, kernel);
            }
        }
        return result;
    }

    // scipy's 'reflect' border: d c b a | a b c d | d c b a, repeated for radii beyond the image.
    private static int Reflect(int index, int size)
    {
        var period = 2 * size;
        var i = ((index % period) + period) % period;
        return i < size ? i : period - 1 - i;
    }

    private static (int[] From, int[] To, double[] Costs) SortedEdges(double[] image, int channels, int height, int width)
    {
        var count = height * (width - 1) + (height - 1) * width + 2 * (height - 1) * (width - 1);
        var from = new int[count];
        var to = new int[count];
        var costs = new double[count];
        var plane = height * width;
        var e = 0;

        void Add(int a, int b)
        {
            var squared = 0.0;
            for (var c = 0; c < channels; c++)
            {
                var d = image[c * plane + a] - image[c * plane + b];
                squared += d * d;
            }
            from[e] = a;
            to[e] = b;
            costs[e] = Math.Sqrt(squared);
            e++;
        }

        // scikit-image's four neighbour directions, in its order: right, down, down-right, up-right.
        for (var y = 0; y < height; y++)
            for (var x = 0; x + 1 < width; x++) Add(y * width + x + 1, y * width + x);
        for (var y = 0; y + 1 < height; y++)
            for (var x = 0; x < width; x++) Add((y + 1) * width + x, y * width + x);
        for (var y = 0; y + 1 < height; y++)
            for (var x = 0; x + 1 < width; x++) Add((y + 1) * width + x + 1, y * width + x);
        for (var y = 0; y + 1 < height; y++)
            for (var x = 0; x + 1 < width; x++) Add(y * width + x + 1, (y + 1) * width + x);

        var order = NumpyArgsort.Argsort(costs);
        var sortedFrom = new int[count];
        var sortedTo = new int[count];
        var keys = new double[count];
        for (var i = 0; i < count; i++)
        {
            sortedFrom[i] = from[order[i]];
            sortedTo[i] = to[order[i]];
            keys[i] = costs[order[i]];
        }
        return (sortedFrom, sortedTo, keys);
    }

    private static int[] Merge(int[] from, int[] to, double[] costs, int pixels, double k, int minSize)
    {
        var parent = new int[pixels];
        var size = new int[pixels];
        var inner = new double[pixels];
        for (var i = 0; i < pixels; i++)
        {
            parent[i] = i;
            size[i] = 1;
        }

        for (var e = 0; e < costs.Length; e++)
        {
            var a = Find(parent, from[e]);
            var b = Find(parent, to[e]);
            if (a == b) continue;
            // scikit-image declares both sides as C float: each is rounded to float32 before the comparison.
            var threshold = Math.Min((float)(inner[a] + k / size[a]), (float)(inner[b] + k / size[b]));
            if (costs[e] < threshold)
            {
                var root = Join(parent, size, a, b);
                inner[root] = costs[e];
            }
        }

        for (var e = 0; e < costs.Length; e++)
        {
            var a = Find(parent, from[e]);
            var b = Find(parent, to[e]);
            if (a != b && (size[a] < minSize || size[b] < minSize))
            {
                Join(parent, size, a, b);
            }
        }

        var labels = new int[pixels];
        var labelOfRoot = new int[pixels];
        Array.Fill(labelOfRoot, -1);
        var next = 0;
        for (var i = 0; i < pixels; i++)
        {
            var root = Find(parent, i);
            if (labelOfRoot[root] < 0) labelOfRoot[root] = next++;
            labels[i] = labelOfRoot[root];
        }
        return labels;
    }

    // The root of a merged component is the smaller index, as in scikit-image.
    private static int Join(int[] parent, int[] size, int a, int b)
    {
        var root = Math.Min(a, b);
        var child = Math.Max(a, b);
        parent[child] = root;
        size[root] = size[a] + size[b];
        return root;
    }

    private static int Find(int[] parent, int i)
    {
        var root = i;
        while (parent[root] != root) root = parent[root];
        while (parent[i] != root)
        {
            var next = parent[i];
            parent[i] = root;
            i = next;
        }
        return root;
    }
}
