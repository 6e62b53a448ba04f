namespace XaiLab.Engine.Imaging;

/// <summary>
/// One grayscale slice as stored: <paramref name="Pixels"/> row-major, <paramref name="Width"/> x <paramref name="Height"/>,
/// lossless 16-bit samples. <paramref name="BitDepth"/> says how many of the 16 bits the source used (8 for 8-bit PNGs,
/// 16 for MRI int16/uint16 data), so display and normalisation know the value range.
/// </summary>
public sealed record SliceImage(int Width, int Height, ushort[] Pixels, int BitDepth = 16)
{
    public ushort this[int x, int y] => Pixels[y * Width + x];
}
