namespace XaiLab.Engine.Runtime;

/// <summary>
/// Derives independent, platform-stable seeds from a user seed and stream indices (SplitMix64 finaliser), so that every
/// patient, slice or epoch has its own reproducible random stream. <see cref="HashCode"/> is randomised per process and
/// must not be used for this.
/// </summary>
internal static class SeedDerivation
{
    public static int Derive(int seed, params ReadOnlySpan<int> streams)
    {
        var state = Mix(unchecked((ulong)(uint)seed));
        foreach (var stream in streams)
        {
            state = Mix(state ^ unchecked((ulong)(uint)stream + 0x632BE59BD9B4E019UL));
        }
        return unchecked((int)(state & 0x7FFFFFFF));
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
