namespace XaiLab.Web.Services.Runs;

public static class RunsHostingExtensions
{
    /// <summary>Training runs: launching, listing, comparing, and their weights.</summary>
    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        services.AddScoped<RunService>();
        services.AddScoped<RunComparisonService>();
        services.AddScoped<RunWeights>();
        return services;
    }
}
