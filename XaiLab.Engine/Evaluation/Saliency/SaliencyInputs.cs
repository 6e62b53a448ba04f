namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>Checks and orderings shared by the saliency scores.</summary>
internal static class SaliencyInputs
{
    public static void Check(float[] map, bool[] mask)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(mask);
        if (map.Length != mask.Length)
        {
            throw new ArgumentException($"The map has {map.Length} pixels but the mask {mask.Length}.", nameof(mask));
        }
        if (map.Length == 0)
        {
            throw new ArgumentException("The map is empty.", nameof(map));
        }
        if (map.Any(v => !float.IsFinite(v)))
        {
            throw new ArgumentException("The map has a non-finite value.", nameof(map));
        }
    }

    public static int Count(bool[] mask) => mask.Count(m => m);

    /// <summary>Pixel indices from the most to the least salient; equal values keep pixel order (a stable sort).</summary>
    public static int[] MostSalientFirst(float[] map)
    {
        var order = Enumerable.Range(0, map.Length).ToArray();
        var keys = map.Select(v => -v).ToArray();
        Array.Sort(keys, order);
        // Array.Sort is not stable: restore pixel order inside runs of equal values.
        var start = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            if (i == order.Length || keys[i] != keys[start])
            {
                Array.Sort(order, start, i - start);
                start = i;
            }
        }
        return order;
    }

    /// <summary>The <paramref name="count"/> most salient pixels as a mask.</summary>
    public static bool[] Top(float[] map, int count)
    {
        var region = new bool[map.Length];
        foreach (var p in MostSalientFirst(map).Take(count))
        {
            region[p] = true;
        }
        return region;
    }
}
