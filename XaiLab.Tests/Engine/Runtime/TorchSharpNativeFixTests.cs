using System.Text;

namespace XaiLab.Tests.Engine.Runtime;

/// <summary>
/// The build step in build/TorchSharpNativeFix.targets: the copy of libLibTorchSharp.so next to the tests has its
/// GLIBCXX_3.4.32 need flagged weak when the system libstdc++ lacks that version, and the NuGet cache stays untouched.
/// </summary>
public sealed class TorchSharpNativeFixTests
{
    private const string Version = "GLIBCXX_3.4.32";
    private const string SystemLibStdCxx = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";

    [Fact]
    public void OutputCopy_HasTheGlibcxxNeedWeakExactlyWhenTheSystemLacksIt()
    {
        var library = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(library), $"{library} is missing");
        var systemHasVersion = File.Exists(SystemLibStdCxx) &&
            Encoding.ASCII.GetString(File.ReadAllBytes(SystemLibStdCxx)).Contains(Version + "\0", StringComparison.Ordinal);

        var flags = VersionNeedFlags(File.ReadAllBytes(library), Version);

        Assert.NotNull(flags);
        Assert.Equal(!systemHasVersion, (flags.Value & 0x2) != 0);
    }

    [Fact]
    public void NuGetCacheCopy_IsLeftAsShipped()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(cached), $"{cached} is missing");

        var flags = VersionNeedFlags(File.ReadAllBytes(cached), Version);

        Assert.Equal(0, flags!.Value & 0x2);
    }

    /// <summary>vna_flags of the .gnu.version_r entry naming <paramref name="version"/>, or null without one.</summary>
    private static int? VersionNeedFlags(byte[] elf, string version)
    {
        long sectionTable = BitConverter.ToInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3A);
        int sections = BitConverter.ToUInt16(elf, 0x3C);
        for (var s = 0; s < sections; s++)
        {
            var header = (int)(sectionTable + (long)s * entrySize);
            if (BitConverter.ToUInt32(elf, header + 4) != 0x6ffffffe)
            {
                continue;
            }
            var need = (int)BitConverter.ToInt64(elf, header + 0x18);
            var link = (int)BitConverter.ToUInt32(elf, header + 0x28);
            var strings = (int)BitConverter.ToInt64(elf, (int)(sectionTable + (long)link * entrySize) + 0x18);
            while (true)
            {
                var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                for (var a = 0; a < BitConverter.ToUInt16(elf, need + 2); a++)
                {
                    var nameAt = strings + (int)BitConverter.ToUInt32(elf, aux + 8);
                    var end = Array.IndexOf(elf, (byte)0, nameAt);
                    if (Encoding.ASCII.GetString(elf, nameAt, end - nameAt) == version)
                    {
                        return BitConverter.ToUInt16(elf, aux + 4);
                    }
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                var next = (int)BitConverter.ToUInt32(elf, need + 12);
                if (next == 0)
                {
                    break;
                }
                need += next;
            }
        }
        return null;
    }
}
