namespace XaiLab.Engine.Attribution.Segmentation;

/// <summary>
/// Segment masks as sorted pixel-index lists over an [H, W] grid, and their dilation by a disk (scikit-image's
/// <c>dilation(mask, disk(r))</c>: the disk holds the offsets with dx^2 + dy^2 &lt;= r^2).
/// </summary>
public static class SegmentMasks
{
    /// <summary>One mask per label of each labelling (labels 0..k-1), as sorted pixel indices.</summary>
    public static List<int[]> Unpack(IEnumerable<int[]> labellings)
    {
        ArgumentNullException.ThrowIfNull(labellings);
        var masks = new List<int[]>();
        foreach (var labels in labellings)
        {
            var count = labels.Length == 0 ? 0 : labels.Max() + 1;
            var members = new List<int>[count];
            for (var k = 0; k < count; k++) members[k] = [];
            for (var i = 0; i < labels.Length; i++) members[labels[i]].Add(i);
            masks.AddRange(members.Where(m => m.Count > 0).Select(m => m.ToArray()));
        }
        return masks;
    }

    /// <summary>Dilates a mask by a disk of <paramref name="radius"/> pixels, working inside the mask's grown bounding box.</summary>
    public static int[] Dilate(int[] mask, int height, int width, int radius)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (radius <= 0 || mask.Length == 0) return (int[])mask.Clone();

        int top = height, bottom = -1, left = width, right = -1;
        foreach (var p in mask)
        {
            int y = p / width, x = p % width;
            top = Math.Min(top, y);
            bottom = Math.Max(bottom, y);
            left = Math.Min(left, x);
            right = Math.Max(right, x);
        }
        int y0 = Math.Max(top - radius, 0), y1 = Math.Min(bottom + radius, height - 1);
        int x0 = Math.Max(left - radius, 0), x1 = Math.Min(right + radius, width - 1);
        int boxHeight = y1 - y0 + 1, boxWidth = x1 - x0 + 1;

        // Row prefix counts let each disk row (a horizontal run of half-width w) be tested in O(1).
        var prefix = new int[boxHeight * (boxWidth + 1)];
        foreach (var p in mask)
        {
            prefix[(p / width - y0) * (boxWidth + 1) + p % width - x0 + 1] = 1;
        }
        for (var y = 0; y < boxHeight; y++)
        {
            var row = y * (boxWidth + 1);
            for (var x = 1; x <= boxWidth; x++) prefix[row + x] += prefix[row + x - 1];
        }
        var halfWidths = new int[2 * radius + 1];
        for (var dy = -radius; dy <= radius; dy++)
        {
            halfWidths[dy + radius] = (int)Math.Floor(Math.Sqrt(radius * radius - dy * dy));
        }

        var result = new List<int>(mask.Length * 2);
        for (var y = 0; y < boxHeight; y++)
        {
            for (var x = 0; x < boxWidth; x++)
            {
                for (var dy = -radius; dy <= radius; dy++)
                {
                    var yy = y + dy;
                    if (yy < 0 || yy >= boxHeight) continue;
                    var w = halfWidths[dy + radius];
                    var row = yy * (boxWidth + 1);
                    var hits = prefix[row + Math.Min(x + w, boxWidth - 1) + 1] - prefix[row + Math.Max(x - w, 0)];
                    if (hits > 0)
                    {
                        result.Add((y + y0) * width + x + x0);
                        break;
                    }
                }
            }
        }
        return result.ToArray();
    }
}
