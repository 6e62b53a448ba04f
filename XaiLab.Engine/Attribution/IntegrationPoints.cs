namespace XaiLab.Engine.Attribution;

/// <summary>The alphas and weights of an <see cref="IntegrationRule"/>.</summary>
internal static class IntegrationPoints
{
    /// <summary>Points on [0, 1] and their weights (summing to 1) for <paramref name="steps"/> points (at least 2).</summary>
    public static (double[] Alphas, double[] Weights) Of(IntegrationRule rule, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        var alphas = new double[steps];
        var weights = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            (alphas[i], weights[i]) = rule switch
            {
                IntegrationRule.PairLinspace => ((double)i / (steps - 1), 1.0 / steps),
                IntegrationRule.LeftRiemann => ((double)i / steps, 1.0 / steps),
                IntegrationRule.RightRiemann => ((double)(i + 1) / steps, 1.0 / steps),
                IntegrationRule.MiddleRiemann => ((i + 0.5) / steps, 1.0 / steps),
                IntegrationRule.Trapezoid => ((double)i / (steps - 1), (i == 0 || i == steps - 1 ? 0.5 : 1.0) / (steps - 1)),
                _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown integration rule."),
            };
        }
        return (alphas, weights);
    }
}
