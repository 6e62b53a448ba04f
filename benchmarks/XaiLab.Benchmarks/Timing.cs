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

    /// <summary>
    /// Median wall-clock seconds of <paramref name="repeats"/> runs of <paramref name="action"/> (after a warm-up run when
    /// asked), and the median process CPU seconds of the same runs. On a shared machine the CPU seconds move less with the
    /// load than the wall clock: with T busy threads and no contention, wall = CPU / T.
    /// </summary>
    public static (double Wall, double Cpu) Median(Action action, int repeats, bool warmUp = true)
    {
        if (warmUp) action();
        var walls = new double[repeats];
        var cpus = new double[repeats];
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeats; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            walls[r] = watch.Elapsed.TotalSeconds;
            process.Refresh();
            cpus[r] = (process.TotalProcessorTime - cpu).TotalSeconds;
        }
        Array.Sort(walls);
        Array.Sort(cpus);
        return (walls[repeats / 2], cpus[repeats / 2]);
    }
}
