namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// Pointing game (Zhang et al. 2018, "Top-down Neural Attention by Excitation Backprop"; Quantus' <c>PointingGame</c>):
/// a hit when the map's most salient pixel lies inside the expert mask. Ties go to the first pixel in row-major order,
/// as numpy's argmax. Quantus' optional tolerance margin around the mask is not applied (a margin of 0).
/// </summary>
public static class PointingGame
{
    /// <summary>True when the arg-max of <paramref name="map"/> [H * W] is inside <paramref name="mask"/> [H * W].</summary>
    public static bool Hit(float[] map, bool[] mask)
    {
        SaliencyInputs.Check(map, mask);
        var best = 0;
        for (var i = 1; i < map.Length; i++)
        {
            if (map[i] > map[best]) best = i;
        }
        return mask[best];
    }
}
