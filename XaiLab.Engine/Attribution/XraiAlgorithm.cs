namespace XaiLab.Engine.Attribution;

/// <summary>How XRAI orders its segments (PAIR's <c>XRAIParameters.algorithm</c>).</summary>
public enum XraiAlgorithm
{
    /// <summary>
    /// Greedy: at every round add the segment with the highest mean attribution over the pixels it newly covers.
    /// PAIR's and the paper's default; cost grows with segments squared.
    /// </summary>
    Full,

    /// <summary>Rank every segment once by its own mean attribution, then add them in that order ignoring overlaps.</summary>
    Fast,
}
