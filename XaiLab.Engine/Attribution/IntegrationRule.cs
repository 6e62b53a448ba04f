namespace XaiLab.Engine.Attribution;

/// <summary>
/// How <see cref="IntegratedGradients"/> discretises the path integral over alpha in [0, 1] with n = steps points. The
/// map is (x - x') * sum_i w_i * gradient(x' + alpha_i (x - x')); every rule's weights sum to 1.
/// </summary>
public enum IntegrationRule
{
    /// <summary>
    /// PAIR saliency's rule and the paper's: alpha_i = i / (n - 1), i = 0..n-1 (linspace with both ends), w_i = 1 / n.
    /// Exact when the gradient is linear along the path. Default.
    /// </summary>
    PairLinspace,

    /// <summary>Left Riemann sum (captum's riemann_left): alpha_i = i / n, i = 0..n-1, w_i = 1 / n.</summary>
    LeftRiemann,

    /// <summary>Right Riemann sum (captum's riemann_right): alpha_i = i / n, i = 1..n, w_i = 1 / n.</summary>
    RightRiemann,

    /// <summary>Midpoint Riemann sum (captum's riemann_middle): alpha_i = (i + 0.5) / n, w_i = 1 / n.</summary>
    MiddleRiemann,

    /// <summary>
    /// Trapezoid rule (captum's riemann_trapezoid): alpha_i = i / (n - 1), w_i = 1 / (n - 1) with half weight at both ends.
    /// </summary>
    Trapezoid,
}
