namespace XaiLab.Engine.Attribution;

/// <summary>An attribution map as plain data: <paramref name="Values"/> in [C, H, W] row-major order.</summary>
public sealed record AttributionMap(float[] Values, int Channels, int Height, int Width)
{
    /// <summary>Sum over channels, giving one value per pixel [H, W] (signed).</summary>
    public float[] SumOverChannels()
    {
        var plane = Height * Width;
        var result = new float[plane];
        for (var c = 0; c < Channels; c++)
        {
            for (var i = 0; i < plane; i++)
            {
                result[i] += Values[c * plane + i];
            }
        }
        return result;
    }
}
