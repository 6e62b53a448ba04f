namespace XaiLab.Engine.Evaluation.Agreement;

/// <summary>How far apart two values are taken to be: the level of measurement of Krippendorff (2011).</summary>
public enum AgreementLevel
{
    /// <summary>Any two different values disagree alike (categories without order).</summary>
    Nominal,

    /// <summary>Ranks: the disagreement of two values grows with how many observed values lie between them.</summary>
    Ordinal,

    /// <summary>Equal intervals: the disagreement is the squared difference of the values.</summary>
    Interval,
}
