using XaiLab.Engine.Runtime.Cpu;

namespace XaiLab.Tests.Engine.Runtime.Cpu;

/// <summary>
/// The hardware guard's decision with real child processes standing in for the probe: a shell that dies by SIGFPE unless
/// ONEDNN_MAX_CPU_ISA is the setting that "survives", as libtorch 2.10's oneDNN does on Zen 5.
/// </summary>
public sealed class OneDnnIsaGuardTests : IDisposable
{
    private static readonly CpuInfo Zen5 = CpuInfo.Parse(
        ["processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 26", "model name\t: AMD EPYC 9R45", "flags\t\t: fpu sse4_1 avx avx2 avx512f avx512_bf16", ""]);

    private readonly string cache = Directory.CreateTempSubdirectory("xailab-guard-").FullName;

    /// <summary>A probe that dies by SIGFPE unless ONEDNN_MAX_CPU_ISA is <paramref name="survives"/>, and counts its starts.</summary>
    private ProbeCommand Probe(string? survives) =>
        new("/bin/sh", ["-c", $"echo x >> '{cache}/starts'; echo 'resnet50 training step at 32 px, batch 8'; " +
            (survives is null ? "exit 0" : $"[ \"$ONEDNN_MAX_CPU_ISA\" = {survives} ] || kill -FPE $$")]);

    private int Starts => File.Exists(Path.Combine(cache, "starts")) ? File.ReadAllLines(Path.Combine(cache, "starts")).Length : 0;

    [Fact]
    public void ProbeThatDiesByDefault_FallsBackToTheFirstSettingThatSurvives_WithTheSignalAsReason()
    {
        var decision = OneDnnIsaGuard.Decide(null, null, Probe(survives: "AVX"), cache, TextWriter.Null, Zen5);

        Assert.Equal("AVX", decision.OneDnnMaxCpuIsa);
        Assert.Equal("probe", decision.Source);
        Assert.Contains("killed by SIGFPE (signal 8) during resnet50 training step at 32 px, batch 8", decision.Reason);
        Assert.Equal("AMD EPYC 9R45", decision.CpuModel);
        Assert.Equal("avx512, bf16", decision.CpuFlags);
        Assert.Equal(2, Starts);
    }

    [Fact]
    public void ProbeThatSurvivesOnlySse41_TriesAvxFirst()
    {
        var decision = OneDnnIsaGuard.Decide(null, null, Probe(survives: "SSE41"), cache, TextWriter.Null, Zen5);

        Assert.Equal("SSE41", decision.OneDnnMaxCpuIsa);
        Assert.Contains("AVX was killed by SIGFPE", decision.Reason);
        Assert.Equal(3, Starts);
    }

    [Fact]
    public void HealthyCpu_KeepsOneDnnsOwnChoice_AndTheVerdictIsCachedPerCpu()
    {
        var first = OneDnnIsaGuard.Decide(null, null, Probe(survives: null), cache, TextWriter.Null, Zen5);
        var second = OneDnnIsaGuard.Decide(null, null, Probe(survives: "AVX"), cache, TextWriter.Null, Zen5);

        Assert.Null(first.OneDnnMaxCpuIsa);
        Assert.Equal("default", first.IsaInUse);
        Assert.Equal("cache", second.Source);
        Assert.Null(second.OneDnnMaxCpuIsa);
        Assert.Equal(1, Starts);

        var otherCpu = Zen5 with { Flags = new HashSet<string> { "avx", "avx2" } };
        var third = OneDnnIsaGuard.Decide(null, null, Probe(survives: "AVX"), cache, TextWriter.Null, otherCpu);
        Assert.Equal("probe", third.Source);
        Assert.Equal("AVX", third.OneDnnMaxCpuIsa);
    }

    [Fact]
    public void EnvironmentAndConfiguration_WinOverTheProbe_AndNeverStartIt()
    {
        var fromEnvironment = OneDnnIsaGuard.Decide("AVX2", "SSE41", Probe(survives: "AVX"), cache, TextWriter.Null, Zen5);
        var configured = OneDnnIsaGuard.Decide(null, "avx512_core", Probe(survives: "AVX"), cache, TextWriter.Null, Zen5);
        var oneDnnsChoice = OneDnnIsaGuard.Decide(null, "default", Probe(survives: "AVX"), cache, TextWriter.Null, Zen5);

        Assert.Equal(("AVX2", "environment"), (fromEnvironment.OneDnnMaxCpuIsa, fromEnvironment.Source));
        Assert.Equal(("AVX512_CORE", "configuration"), (configured.OneDnnMaxCpuIsa, configured.Source));
        Assert.Equal((null, "configuration"), (oneDnnsChoice.OneDnnMaxCpuIsa, oneDnnsChoice.Source));
        Assert.Equal(0, Starts);
    }

    [Fact]
    public void CpuInfo_ReadsTheFirstProcessor()
    {
        Assert.Equal(26, Zen5.Family);
        Assert.True(Zen5.HasBf16);
        Assert.Equal("avx512", Zen5.BestSimd);
        Assert.NotEqual(Zen5.Fingerprint, (Zen5 with { Model = "AMD EPYC 7R13" }).Fingerprint);
    }

    public void Dispose() => Directory.Delete(cache, recursive: true);
}
