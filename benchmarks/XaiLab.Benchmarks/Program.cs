using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp;
using XaiLab.Benchmarks;
using XaiLab.Engine.Runtime;
using XaiLab.Engine.Runtime.Cpu;

// Before anything loads libtorch: OpenMP reads its wait policy once (see ThreadWaitPolicy and docs/performance.md).
var waitPolicy = args.Contains("--spin") ? "ACTIVE (default)" : ThreadWaitPolicy.UsePassiveWaiting();
if (OneDnnIsaGuard.RunProbeIfAsked(args) is { } probeExit) return probeExit;
// The hardware guard: a CPU whose oneDNN faults on ResNet-50's 1x1 convolutions computes with the ISA that survives.
var isa = OneDnnIsaGuard.Apply(null, ProbeCommand.ForThisProgram(), log: Console.Out);
var options = BenchmarkOptions.Parse(args);
torch.set_num_threads(options.Threads);
Console.WriteLine($"XaiLab benchmark{(options.Smoke ? " (smoke)" : "")}: libtorch {TorchRuntime.LibTorchVersion}, {options.Threads} threads, " +
    $"{Environment.ProcessorCount} logical CPUs, OMP_WAIT_POLICY {waitPolicy}, oneDNN ISA {isa.IsaInUse} ({isa.Source}), load {Timing.LoadAverage():F2}");

var results = new List<Measurement>();
void Run(string section, Func<BenchmarkOptions, IEnumerable<Measurement>> measure)
{
    if (!options.Sections.Contains(section)) return;
    foreach (var measurement in measure(options))
    {
        results.Add(measurement);
        Console.WriteLine($"{measurement.Section,-13} {measurement.Model,-18} {measurement.Size,4} {measurement.Name,-48} " +
            $"{measurement.Value,10:F3} {measurement.Unit,-9} {measurement.CpuSeconds,8:F2} {measurement.LoadAverage,6:F2}");
    }
    // After every section: a later section that fails (or a stopped run) keeps what was measured so far.
    Save();
}

void Save() => File.WriteAllText(options.Output, JsonSerializer.Serialize(new
{
    machine = $"{Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
    libtorch = TorchRuntime.LibTorchVersion,
    threads = options.Threads,
    ompWaitPolicy = waitPolicy,
    cpu = isa,
    smoke = options.Smoke,
    results,
}, new JsonSerializerOptions { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals }));

Console.WriteLine($"{"section",-13} {"model",-18} {"size",4} {"measurement",-48} {"value",10} {"unit",-9} {"cpu-s",8} {"load",6}");
Run("models", ModelThroughput.Run);
Run("segmentation", AttributionTimings.Segmentation);
Run("ig-ratio", AttributionTimings.IgRatio);
Run("xrai", AttributionTimings.FullXrai);
Run("methods", AttributionTimings.Methods);
Run("tsne", EmbeddingTimings.Tsne);
Run("formats", FormatTimings.Run);
Run("profile", LayerProfile.Run);
Run("ratios", PipelineRatios.Run);
Run("import", ImportTimings.Import);
Run("compare", ImportTimings.Compare);

Save();
Console.WriteLine($"Wrote {results.Count} measurements to {options.Output}");
return 0;
