namespace XaiLab.Web.Apis.Contracts;

/// <summary>Body of <c>POST /api/runs/{id}/embeddings</c> and <c>POST /api/datasets/{id}/embeddings</c>; every field is optional.</summary>
/// <param name="Source">"trained" (default for runs) or "initial"; datasets always use raw pixels.</param>
/// <param name="Projection">"tsne" (default) or "pca".</param>
/// <param name="Perplexity">t-SNE perplexity (default 30, capped below the point count).</param>
/// <param name="Iterations">t-SNE iterations (default 1000).</param>
/// <param name="Seed">Seed (default 0).</param>
/// <param name="Split">"test" (default) or "all".</param>
/// <param name="TeamId">Optional; when given it must be the dataset's team (an embedding belongs to its dataset).</param>
public sealed record CreateEmbeddingRequest(string? Source, string? Projection, double? Perplexity, int? Iterations, int? Seed, string? Split,
    int? TeamId = null);
