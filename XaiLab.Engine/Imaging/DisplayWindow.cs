namespace XaiLab.Engine.Imaging;

/// <summary>
/// Window/level of a slice for display: samples between <paramref name="Low"/> and <paramref name="High"/> map to 0..255.
/// </summary>
public sealed record DisplayWindow(double Low, double High)
{
    /// <summary>The slice's own minimum to maximum (the default display).</summary>
    public static DisplayWindow Auto(SliceImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new DisplayWindow(image.Pixels.Min(), Math.Max(image.Pixels.Min() + 1, (int)image.Pixels.Max()));
    }

    /// <summary>Radiology's form: a window of <paramref name="width"/> around <paramref name="center"/>.</summary>
    public static DisplayWindow FromCenterWidth(double center, double width) =>
        width > 0 ? new DisplayWindow(center - width / 2, center + width / 2)
            : throw new ArgumentOutOfRangeException(nameof(width), width, "A window needs a positive width.");

    /// <summary>The slice as 8-bit gray through this window.</summary>
    public byte[] Apply(SliceImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var range = High - Low;
        var result = new byte[image.Pixels.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (byte)Math.Round(Math.Clamp((image.Pixels[i] - Low) / range, 0, 1) * 255);
        }
        return result;
    }
}
