using System.Diagnostics;

namespace XaiLab.Benchmarks;

/// <summary>Wall-clock timing helpers: the median of repeated runs, after one untimed warm-up.</summary>
internal static class Timing
{
    public static double LoadAverage()
    {
        var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : "";
        return double.TryParse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : double.NaN;
    }

    /// <summary>Median seconds of <paramref name="repeats"/> runs of <paramref name="action"/>, after a warm-up run when asked.</summary>
    public static double MedianSeconds(Action action, int repeats, bool warmUp = true)
    {
        if (warmUp) action();
        var times = new double[repeats];
        for (var r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[r] = watch.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return times[repeats / 2];
    }
}
