namespace XaiLab.Data.Entities;

/// <summary>The 2-D projection method of an embedding.</summary>
public enum EmbeddingProjection
{
    Tsne,
    Pca,
}
