namespace XaiLab.Data.Entities;

/// <summary>Which slices of the evaluation dataset an external evaluation predicts.</summary>
public enum EvaluationSplit
{
    /// <summary>Every slice: the usual case for another hospital's data, whose split means nothing to the run.</summary>
    All,
    Test,
    Unassigned,
}
