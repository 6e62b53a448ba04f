namespace XaiLab.Engine.Datasets.Images;

/// <summary>
/// RGB to gray as ITU-R BT.601 luma, Y = 0.299 R + 0.587 G + 0.114 B, rounded: the formula of PIL's <c>convert("L")</c>
/// and OpenCV's <c>COLOR_RGB2GRAY</c>, which the Python pipelines of the paper used on the RGB radiographs. A gray pixel
/// stored as RGB (R = G = B) keeps its value exactly.
/// </summary>
public static class Luminance
{
    /// <summary>Gray value of one RGB sample, in the samples' own range (8 or 16 bits).</summary>
    public static ushort FromRgb(int r, int g, int b) => (ushort)((299 * r + 587 * g + 114 * b + 500) / 1000);
}
