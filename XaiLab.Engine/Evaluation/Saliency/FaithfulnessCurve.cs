namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// A deletion or insertion curve: the model's score after the most salient <paramref name="Fractions"/>[i] of the pixels
/// were removed (deletion) or restored (insertion).
/// </summary>
/// <param name="Fractions">Share of the pixels perturbed at each point, from 0 to 1.</param>
/// <param name="Scores">The model's score at each point.</param>
public sealed record FaithfulnessCurve(double[] Fractions, double[] Scores)
{
    /// <summary>Area under the curve over the fraction axis [0, 1] by the trapezoid rule (as RISE's <c>auc</c>).</summary>
    public double Auc
    {
        get
        {
            var area = 0.0;
            for (var i = 1; i < Fractions.Length; i++)
            {
                area += (Fractions[i] - Fractions[i - 1]) * (Scores[i] + Scores[i - 1]) / 2;
            }
            return area;
        }
    }
}
