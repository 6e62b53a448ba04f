namespace XaiLab.Engine.Evaluation.Agreement;

/// <summary>Disagreement weights of Cohen's weighted kappa (Cohen 1968) for categories i, j of k ordered ones.</summary>
public enum KappaWeighting
{
    /// <summary>Unweighted kappa (Cohen 1960): every disagreement counts fully.</summary>
    None,

    /// <summary>|i - j| / (k - 1).</summary>
    Linear,

    /// <summary>(i - j)^2 / (k - 1)^2.</summary>
    Quadratic,
}
