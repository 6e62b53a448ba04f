using XaiLab.Engine.Embeddings;

namespace XaiLab.Web.Jobs.Embeddings;

/// <summary>The feature vectors of an embedding's slices, in slice order, with their ids and class labels.</summary>
public sealed record EmbeddingFeatures(FeatureMatrix Features, IReadOnlyList<int> SliceIds, int[] Labels);
