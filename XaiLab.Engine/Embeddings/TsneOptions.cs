namespace XaiLab.Engine.Embeddings;

/// <summary>
/// Parameters of <see cref="Tsne"/>. Defaults follow scikit-learn 1.2's <c>TSNE</c> except where noted.
/// </summary>
public sealed record TsneOptions
{
    /// <summary>Effective number of neighbours (default 30). Barnes-Hut uses <c>floor(3 * perplexity) + 1</c> neighbours.</summary>
    public double Perplexity { get; init; } = 30;

    /// <summary>Total gradient-descent iterations including early exaggeration (default 1000, scikit-learn's <c>max_iter</c>).</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>Step size; <c>null</c> (default) means scikit-learn's "auto": <c>max(N / EarlyExaggeration / 4, 50)</c>.
    /// The gradient here carries the factor 4 of the KL divergence's derivative in both methods (scikit-learn's
    /// Barnes-Hut code omits it), so "auto" equals Belkina et al. (2019)'s <c>N / EarlyExaggeration</c>.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Factor on the affinities during the first <see cref="EarlyExaggerationIterations"/> iterations (default 12).</summary>
    public double EarlyExaggeration { get; init; } = 12;

    /// <summary>Iterations with exaggeration and momentum 0.5 (default 250); momentum is 0.8 afterwards.</summary>
    public int EarlyExaggerationIterations { get; init; } = 250;

    /// <summary>Barnes-Hut accuracy: a quadtree cell is summarised when its width over its distance is below this
    /// (default 0.5, scikit-learn's <c>angle</c>).</summary>
    public double Theta { get; init; } = 0.5;

    /// <summary>Exact or Barnes-Hut (default <see cref="TsneMethod.Auto"/>).</summary>
    public TsneMethod Method { get; init; } = TsneMethod.Auto;

    /// <summary>Largest point count that <see cref="TsneMethod.Auto"/> computes exactly (default 500).</summary>
    public int ExactMaxPoints { get; init; } = 500;

    /// <summary>Starting layout (default <see cref="TsneInitialization.Pca"/>).</summary>
    public TsneInitialization Initialization { get; init; } = TsneInitialization.Pca;

    /// <summary>Seed of every random choice (default 0); the same seed and input give bit-identical output on any
    /// number of threads.</summary>
    public int Seed { get; init; }

    /// <summary>Learning rate actually used for <paramref name="points"/> points.</summary>
    public double EffectiveLearningRate(int points) => LearningRate ?? Math.Max(points / EarlyExaggeration / 4, 50);

    /// <summary>Method actually used for <paramref name="points"/> points.</summary>
    public TsneMethod EffectiveMethod(int points) =>
        Method != TsneMethod.Auto ? Method : points <= ExactMaxPoints ? TsneMethod.Exact : TsneMethod.BarnesHut;

    internal void Validate(int points)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2, nameof(points));
        if (!(Perplexity > 0) || Perplexity >= points)
        {
            throw new ArgumentOutOfRangeException(nameof(Perplexity), Perplexity, $"Perplexity must be positive and below the {points} points.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfNegative(EarlyExaggerationIterations, nameof(EarlyExaggerationIterations));
        if (LearningRate is { } rate && !(rate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), rate, "Learning rate must be positive.");
        }
        if (!(EarlyExaggeration > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(EarlyExaggeration), EarlyExaggeration, "Exaggeration must be positive.");
        }
        if (!(Theta >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Theta), Theta, "Theta must be zero or positive.");
        }
    }
}
