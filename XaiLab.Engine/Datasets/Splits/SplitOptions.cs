namespace XaiLab.Engine.Datasets.Splits;

/// <summary>How to split a dataset.</summary>
/// <param name="Train">Share of slices for training; default 0.70.</param>
/// <param name="Validation">Share for validation; default 0.15 (test gets the rest, 0.15 by default).</param>
/// <param name="Seed">Seed of the shuffles; the same seed gives the same split.</param>
/// <param name="Preset">Patient-grouped (default) or the paper's leaky random split.</param>
public sealed record SplitOptions(double Train = 0.70, double Validation = 0.15, int Seed = 1, SplitPreset Preset = SplitPreset.PatientGrouped)
{
    /// <summary>Share of slices for testing.</summary>
    public double Test => 1 - Train - Validation;

    public void Validate()
    {
        if (Train <= 0 || Validation < 0 || Test <= 0 || Train + Validation >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Train),
                $"Split ratios must be positive for train and test and add up to at most 1; got train {Train}, validation {Validation}.");
        }
    }
}
