namespace XaiLab.Engine.Attribution.Segmentation;

/// <summary>
/// Felzenszwalb-Huttenlocher graph segmentation with scikit-image's <c>felzenszwalb(image, scale, sigma, min_size)</c>
/// semantics, which PAIR's XRAI uses: Gaussian smoothing (scipy 'reflect' borders, radius round(4 sigma)); an 8-connected
/// grid graph weighted by the Euclidean distance between the smoothed pixels' channel vectors; edges merged in order of
/// weight while w &lt; min(Int(C1) + k/|C1|, Int(C2) + k/|C2|) with k = scale / 255 (scikit-image's rescaling to the
/// reference implementation's 0..255 intensities; pixel values are used as given, PAIR passes [-1, 1]); then components
/// smaller than min_size merged across the edges in the same order. Labels are 0..k-1 in raster order of each segment's first pixel. Ties between
/// equal edge weights may be broken differently than numpy's sort, so boundaries can differ on exact ties.
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
        SegmentAtScales(image, channels, height, width, [scale], sigma, minSize)[0];

    /// <summary>
    /// Segments one image at several scales, sharing the smoothing and the sorted edge list (they do not depend on the
    /// scale), which is how XRAI's six segmentations stay cheap.
    /// </summary>
    public static int[][] SegmentAtScales(ReadOnlySpan<float> image, int channels, int height, int width,
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

    private static float[] Smooth(ReadOnlySpan<float> image, int channels, int height, int width, double sigma)
    {
        var result = image.ToArray();
        if (sigma <= 0) return result;
        var radius = (int)(4.0 * sigma + 0.5);
        var kernel = new double[2 * radius + 1];
        var sum = 0.0;
        for (var i = -radius; i <= radius; i++)
        {
            kernel[i + radius] = Math.Exp(-0.5 * i * i / (sigma * sigma));
            sum += kernel[i + radius];
        }
        for (var i = 0; i < kernel.Length; i++) kernel[i] /= sum;

        var horizontal = new int[width + 2 * radius];
        for (var i = 0; i < horizontal.Length; i++) horizontal[i] = Reflect(i - radius, width);
        var vertical = new int[height + 2 * radius];
        for (var i = 0; i < vertical.Length; i++) vertical[i] = Reflect(i - radius, height);

        var rows = new float[result.Length];
        var plane = height * width;
        for (var c = 0; c < channels; c++)
        {
            var offset = c * plane;
            for (var y = 0; y < height; y++)
            {
                var row = offset + y * width;
                for (var x = 0; x < width; x++)
                {
                    var value = 0.0;
                    for (var k = 0; k < kernel.Length; k++) value += kernel[k] * result[row + horizontal[x + k]];
                    rows[row + x] = (float)value;
                }
            }
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var value = 0.0;
                    for (var k = 0; k < kernel.Length; k++) value += kernel[k] * rows[offset + vertical[y + k] * width + x];
                    result[offset + y * width + x] = (float)value;
                }
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

    private static (int[] From, int[] To, float[] Costs) SortedEdges(float[] image, int channels, int height, int width)
    {
        var count = height * (width - 1) + (height - 1) * width + 2 * (height - 1) * (width - 1);
        var from = new int[count];
        var to = new int[count];
        var costs = new float[count];
        var plane = height * width;
        var e = 0;

        void Add(int a, int b)
        {
            var squared = 0.0;
            for (var c = 0; c < channels; c++)
            {
                var d = (double)image[c * plane + a] - image[c * plane + b];
                squared += d * d;
            }
            from[e] = a;
            to[e] = b;
            costs[e] = (float)Math.Sqrt(squared);
            e++;
        }

        // The same four neighbour directions as scikit-image: right, down, down-right, up-right.
        for (var y = 0; y < height; y++)
            for (var x = 0; x + 1 < width; x++) Add(y * width + x + 1, y * width + x);
        for (var y = 0; y + 1 < height; y++)
            for (var x = 0; x < width; x++) Add((y + 1) * width + x, y * width + x);
        for (var y = 0; y + 1 < height; y++)
            for (var x = 0; x + 1 < width; x++) Add((y + 1) * width + x + 1, y * width + x);
        for (var y = 0; y + 1 < height; y++)
            for (var x = 0; x + 1 < width; x++) Add(y * width + x + 1, (y + 1) * width + x);

        // Non-negative floats order like their bit patterns, so (cost bits, edge index) packed into one ulong sorts by
        // cost with ties in edge order: a primitive sort, about twice as fast as sorting keys with items.
        var packed = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            packed[i] = ((ulong)BitConverter.SingleToUInt32Bits(costs[i]) << 32) | (uint)i;
        }
        Array.Sort(packed);
        var sortedFrom = new int[count];
        var sortedTo = new int[count];
        var keys = new float[count];
        for (var i = 0; i < count; i++)
        {
            var edge = (int)(packed[i] & 0xFFFFFFFF);
            sortedFrom[i] = from[edge];
            sortedTo[i] = to[edge];
            keys[i] = costs[edge];
        }
        return (sortedFrom, sortedTo, keys);
    }

    private static int[] Merge(int[] from, int[] to, float[] costs, int pixels, double k, int minSize)
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
            var threshold = Math.Min(inner[a] + k / size[a], inner[b] + k / size[b]);
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
