namespace XaiLab.Web.Services.Health;

public static class HealthHostingExtensions
{
    /// <summary>The database reachability watch (options "DatabaseHealth") behind the banner and /api/health.</summary>
    public static IServiceCollection AddDatabaseHealth(this IServiceCollection services)
    {
        services.AddOptions<DatabaseHealthOptions>().BindConfiguration(DatabaseHealthOptions.SectionName)
            .Validate(o => o.IntervalSeconds > 0, $"{DatabaseHealthOptions.SectionName}:IntervalSeconds must be more than 0.")
            .Validate(o => o.TimeoutSeconds > 0, $"{DatabaseHealthOptions.SectionName}:TimeoutSeconds must be more than 0.")
            .ValidateOnStart();
        services.AddSingleton<DatabaseHealthMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseHealthMonitor>());
        return services;
    }
}
