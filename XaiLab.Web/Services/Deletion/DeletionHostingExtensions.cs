namespace XaiLab.Web.Services.Deletion;

public static class DeletionHostingExtensions
{
    /// <summary>Deleting datasets, runs, attribution requests and studies (options "Deletion"). A wrong value fails the start naming its key.</summary>
    public static IServiceCollection AddDeletion(this IServiceCollection services)
    {
        services.AddOptions<DeletionOptions>().BindConfiguration(DeletionOptions.SectionName)
            .Validate(o => o.StopTimeout > TimeSpan.Zero && o.StopTimeout <= TimeSpan.FromMinutes(10),
                $"{DeletionOptions.SectionName}:StopTimeout must be more than 0 and at most 00:10:00.")
            .ValidateOnStart();
        services.AddScoped<WorkStopper>();
        services.AddScoped<DeletionService>();
        return services;
    }
}
