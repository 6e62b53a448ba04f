namespace XaiLab.Web.Services.ModelCards;

public static class ModelCardsHostingExtensions
{
    /// <summary>Model cards of runs (JSON and Markdown).</summary>
    public static IServiceCollection AddModelCards(this IServiceCollection services)
    {
        services.AddScoped<ModelCardService>();
        return services;
    }
}
