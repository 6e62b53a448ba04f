namespace XaiLab.Web.Services.Models;

public static class ModelsHostingExtensions
{
    /// <summary>The architectures' descriptions and the table that compares the trained models.</summary>
    public static IServiceCollection AddModels(this IServiceCollection services)
    {
        services.AddSingleton<ModelDescriptions>();
        services.AddScoped<ModelTableService>();
        return services;
    }
}
