namespace XaiLab.Engine.Attribution.Rendering;

/// <summary>
/// 256-entry RGB lookup tables. Jet uses the piecewise-linear MATLAB definition; viridis and inferno interpolate linearly
/// in RGB between matplotlib's colours at 0, 1/9, ..., 1 of the scale, which stays within a few levels of the originals.
/// </summary>
internal static class ColormapTable
{
    private static readonly uint[] ViridisStops =
        [0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725];

    private static readonly uint[] InfernoStops =
        [0x000004, 0x1B0C42, 0x4B0C6B, 0x781C6D, 0xA52C60, 0xCF4446, 0xED6925, 0xFB9A06, 0xF7D03C, 0xFCFFA4];

    private static readonly uint[] BlueRedStops = [0x0000FF, 0xFFFFFF, 0xFF0000];

    private static readonly Dictionary<Colormap, (byte R, byte G, byte B)[]> Tables = new()
    {
        [Colormap.Gray] = Build(v => (v, v, v)),
        [Colormap.Jet] = Build(v => (Ramp(1.5 - Math.Abs(4 * v - 3)), Ramp(1.5 - Math.Abs(4 * v - 2)), Ramp(1.5 - Math.Abs(4 * v - 1)))),
        [Colormap.Viridis] = Build(v => Interpolate(ViridisStops, v)),
        [Colormap.Inferno] = Build(v => Interpolate(InfernoStops, v)),
        [Colormap.BlueRed] = Build(v => Interpolate(BlueRedStops, v)),
    };

    public static (byte R, byte G, byte B)[] Of(Colormap colormap) =>
        Tables.TryGetValue(colormap, out var table)
            ? table
            : throw new ArgumentOutOfRangeException(nameof(colormap), colormap, "Unknown colormap.");

    private static (byte, byte, byte)[] Build(Func<double, (double R, double G, double B)> colour)
    {
        var table = new (byte, byte, byte)[256];
        for (var i = 0; i < 256; i++)
        {
            var (r, g, b) = colour(i / 255.0);
            table[i] = (ToByte(r), ToByte(g), ToByte(b));
        }
        return table;
    }

    private static double Ramp(double value) => Math.Clamp(value, 0, 1);

    private static (double, double, double) Interpolate(uint[] stops, double v)
    {
        var position = v * (stops.Length - 1);
        var low = Math.Min((int)position, stops.Length - 2);
        var t = position - low;
        double Channel(int shift) =>
            (((stops[low] >> shift) & 0xFF) * (1 - t) + ((stops[low + 1] >> shift) & 0xFF) * t) / 255.0;
        return (Channel(16), Channel(8), Channel(0));
    }

    private static byte ToByte(double value) => (byte)Math.Round(Math.Clamp(value, 0, 1) * 255);
}
