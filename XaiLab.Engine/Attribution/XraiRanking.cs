namespace XaiLab.Engine.Attribution;

/// <summary>
/// XRAI's region ranking over per-pixel attributions and segment masks (PAIR's <c>_xrai</c> and <c>_xrai_fast</c> with
/// the gain "mean attribution over the newly covered pixels"). Every pixel gets the gain of the segment that first
/// covered it; pixels no segment covered get the mean attribution over them.
/// </summary>
internal static class XraiRanking
{
    public static double[] Rank(double[] attribution, IReadOnlyList<int[]> masks, XraiAlgorithm algorithm,
        double areaThreshold, int minPixelDiff, CancellationToken cancellationToken)
    {
        var output = new double[attribution.Length];
        Array.Fill(output, double.NegativeInfinity);
        var covered = new bool[attribution.Length];
        if (algorithm == XraiAlgorithm.Full)
        {
            Greedy(attribution, masks, areaThreshold, minPixelDiff, output, covered, cancellationToken);
        }
        else
        {
            Fast(attribution, masks, minPixelDiff, output, covered);
        }

        var sum = 0.0;
        var count = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (double.IsNegativeInfinity(output[i]))
            {
                sum += attribution[i];
                count++;
            }
        }
        if (count > 0)
        {
            var rest = sum / count;
            for (var i = 0; i < output.Length; i++)
            {
                if (double.IsNegativeInfinity(output[i])) output[i] = rest;
            }
        }
        return output;
    }

    private static void Greedy(double[] attribution, IReadOnlyList<int[]> masks, double areaThreshold, int minPixelDiff,
        double[] output, bool[] covered, CancellationToken cancellationToken)
    {
        var remaining = Enumerable.Range(0, masks.Count).ToList();
        var coveredCount = 0;
        while ((double)coveredCount / attribution.Length <= areaThreshold)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bestGain = double.NegativeInfinity;
            var best = -1;
            remaining.RemoveAll(key =>
            {
                var (added, sum) = NewlyCovered(masks[key], attribution, covered);
                if (added < minPixelDiff) return true;
                var gain = sum / added;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = key;
                }
                return false;
            });
            if (best < 0) break;
            foreach (var p in masks[best])
            {
                if (covered[p]) continue;
                covered[p] = true;
                output[p] = bestGain;
                coveredCount++;
            }
            remaining.Remove(best);
        }
    }

    private static void Fast(double[] attribution, IReadOnlyList<int[]> masks, int minPixelDiff, double[] output, bool[] covered)
    {
        var order = Enumerable.Range(0, masks.Count)
            .Select(key => (Key: key, Gain: masks[key].Length == 0 ? double.NegativeInfinity : masks[key].Average(p => attribution[p])))
            .OrderByDescending(m => m.Gain)
            .Select(m => m.Key);
        foreach (var key in order)
        {
            var (added, sum) = NewlyCovered(masks[key], attribution, covered);
            if (added < minPixelDiff) continue;
            var gain = sum / added;
            foreach (var p in masks[key])
            {
                if (covered[p]) continue;
                covered[p] = true;
                output[p] = gain;
            }
        }
    }

    private static (int Added, double Sum) NewlyCovered(int[] mask, double[] attribution, bool[] covered)
    {
        var added = 0;
        var sum = 0.0;
        foreach (var p in mask)
        {
            if (covered[p]) continue;
            added++;
            sum += attribution[p];
        }
        return (added, sum);
    }
}
