namespace XaiLab.Benchmarks;

/// <summary>
/// One number of the benchmark, with the 1-minute load average read just before it was measured and the process CPU
/// seconds the measured run took (NaN for derived numbers such as ratios).
/// </summary>
internal sealed record Measurement(string Section, string Name, string Model, int Size, double Value, string Unit, double LoadAverage,
    double CpuSeconds = double.NaN);
