namespace XaiLab.Data.Entities;

/// <summary>The preferred map of a pair item, in the item's own order (never the on-screen side, which is shuffled).</summary>
public enum PairChoice
{
    /// <summary><see cref="StudyItem.MapId"/>.</summary>
    A,

    /// <summary><see cref="StudyItem.SecondMapId"/>.</summary>
    B,
}
