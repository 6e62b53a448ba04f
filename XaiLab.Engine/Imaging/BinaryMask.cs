namespace XaiLab.Engine.Imaging;

/// <summary>An expert mask (tumour, lungs): true where the structure is, row-major, same size as its slice.</summary>
public sealed record BinaryMask(int Width, int Height, bool[] Values)
{
    public bool this[int x, int y] => Values[y * Width + x];

    /// <summary>Number of pixels inside the mask.</summary>
    public int Area => Values.Count(v => v);
}
