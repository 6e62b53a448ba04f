namespace XaiLab.Web.Services.Embeddings;

public static class EmbeddingsHostingExtensions
{
    /// <summary>Embeddings (t-SNE/UMAP maps of a run's or a dataset's features).</summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services) => services.AddScoped<EmbeddingService>();
}
