namespace XaiLab.Engine.Runtime.Cpu;

/// <summary>The processor as Linux describes it in /proc/cpuinfo: model name, vendor, family and the ISA flags.</summary>
/// <param name="Model">e.g. "AMD EPYC 9R45" (or "unknown" where /proc/cpuinfo is not there).</param>
/// <param name="Family">The CPU family, e.g. 26 for AMD Zen 5; null when unknown.</param>
/// <param name="Flags">The flags line, e.g. avx2, avx512f, avx512_bf16, amx_bf16.</param>
public sealed record CpuInfo(string Model, string Vendor, int? Family, IReadOnlySet<string> Flags)
{
    /// <summary>Whether the CPU computes bf16 dot products natively (AVX512_BF16 or AMX-BF16).</summary>
    public bool HasBf16 => Flags.Contains("avx512_bf16") || Flags.Contains("amx_bf16");

    /// <summary>The most capable SIMD level among avx512f, avx2, avx, sse4_1, for display.</summary>
    public string BestSimd => Flags.Contains("avx512f") ? "avx512" : Flags.Contains("avx2") ? "avx2" : Flags.Contains("avx") ? "avx" : "sse";

    /// <summary>A short stable key of what decides oneDNN's code paths: model, family and flags.</summary>
    public string Fingerprint
    {
        get
        {
            var text = $"{Vendor}|{Family}|{Model}|{string.Join(',', Flags.Order(StringComparer.Ordinal))}";
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
            return Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
        }
    }

    /// <summary>This machine's processor (the first one listed; they are alike on the machines we run on).</summary>
    public static CpuInfo Current { get; } = Read("/proc/cpuinfo");

    /// <summary>Parses a /proc/cpuinfo file; a missing file gives an "unknown" CPU with no flags.</summary>
    public static CpuInfo Read(string path) =>
        File.Exists(path) ? Parse(File.ReadLines(path)) : new CpuInfo("unknown", "unknown", null, new HashSet<string>());

    /// <summary>Parses the lines of /proc/cpuinfo up to the end of the first processor.</summary>
    public static CpuInfo Parse(IEnumerable<string> lines)
    {
        string model = "unknown", vendor = "unknown";
        int? family = null;
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var seenProcessor = false;
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                if (seenProcessor && line.Trim().Length == 0 && flags.Count > 0) break;
                continue;
            }
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "processor": seenProcessor = true; break;
                case "model name": model = value; break;
                case "vendor_id": vendor = value; break;
                case "cpu family" when int.TryParse(value, out var f): family = f; break;
                case "flags": flags.UnionWith(value.Split(' ', StringSplitOptions.RemoveEmptyEntries)); break;
            }
        }
        return new CpuInfo(model, vendor, family, flags);
    }
}
