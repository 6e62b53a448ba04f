namespace XaiLab.Engine.Embeddings;

/// <summary>Starting layout of t-SNE.</summary>
public enum TsneInitialization
{
    /// <summary>The first two principal components scaled to a standard deviation of 1e-4 along the first (scikit-learn's
    /// default since 1.2; it preserves global structure better than a random start, Kobak &amp; Linderman 2021).</summary>
    Pca,

    /// <summary>Independent Gaussian coordinates with standard deviation 1e-4 drawn from the seed.</summary>
    Random,
}
