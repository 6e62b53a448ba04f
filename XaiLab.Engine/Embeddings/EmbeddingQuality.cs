namespace XaiLab.Engine.Embeddings;

/// <summary>How faithful a 2-D embedding is to its feature space, and how well it separates the classes.</summary>
/// <param name="Trustworthiness">Venna &amp; Kaski's trustworthiness (scikit-learn's definition), 0..1, 1 when every
/// 2-D neighbour is also a feature-space neighbour.</param>
/// <param name="KnnAccuracy2d">Leave-one-out k-nearest-neighbour class accuracy in the 2-D embedding.</param>
/// <param name="KnnAccuracyFeatures">Leave-one-out k-nearest-neighbour class accuracy in the feature space.</param>
/// <param name="Silhouette">Mean silhouette of the classes in the 2-D embedding, -1..1; <c>null</c> with fewer than two
/// classes.</param>
/// <param name="Neighbours">The k of every metric.</param>
/// <param name="EvaluatedPoints">Points the metrics were computed on (a seeded subset above the point limit).</param>
public sealed record EmbeddingQuality(double Trustworthiness, double KnnAccuracy2d, double KnnAccuracyFeatures,
    double? Silhouette, int Neighbours, int EvaluatedPoints);
