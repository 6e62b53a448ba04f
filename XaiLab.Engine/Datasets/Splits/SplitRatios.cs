namespace XaiLab.Engine.Datasets.Splits;

/// <summary>Fractions of the slices for each split; they must be non-negative and sum to 1 (within 1e-6).</summary>
/// <param name="Train">Default 0.70.</param>
/// <param name="Validation">Default 0.15.</param>
/// <param name="Test">Default 0.15.</param>
public sealed record SplitRatios(double Train = 0.70, double Validation = 0.15, double Test = 0.15)
{
    /// <summary>0.70 / 0.15 / 0.15.</summary>
    public static SplitRatios Default { get; } = new();

    /// <summary>The ratio of <paramref name="split"/>.</summary>
    public double Of(DatasetSplit split) => split switch
    {
        DatasetSplit.Train => Train,
        DatasetSplit.Validation => Validation,
        _ => Test,
    };

    /// <summary>Throws <see cref="ArgumentException"/> unless the ratios are non-negative, sum to 1 and train is positive.</summary>
    public void Validate()
    {
        if (Train <= 0 || Validation < 0 || Test < 0 || Math.Abs(Train + Validation + Test - 1) > 1e-6)
        {
            throw new ArgumentException(
                $"Split ratios {Train}/{Validation}/{Test} are invalid: each must be non-negative, train positive, and they must sum to 1.");
        }
    }
}
