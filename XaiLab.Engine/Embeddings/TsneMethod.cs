namespace XaiLab.Engine.Embeddings;

/// <summary>How t-SNE computes affinities and gradients.</summary>
public enum TsneMethod
{
    /// <summary><see cref="Exact"/> up to <see cref="TsneOptions.ExactMaxPoints"/> points, <see cref="BarnesHut"/> above.</summary>
    Auto,

    /// <summary>Dense affinities over all pairs and the exact O(N²) gradient (van der Maaten &amp; Hinton 2008).</summary>
    Exact,

    /// <summary>Sparse affinities over <c>3 * perplexity</c> neighbours and quadtree repulsion (van der Maaten 2014).</summary>
    BarnesHut,
}
