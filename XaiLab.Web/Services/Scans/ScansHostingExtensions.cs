using XaiLab.Web.Services.Nodes;

namespace XaiLab.Web.Services.Scans;

public static class ScansHostingExtensions
{
    /// <summary>Explaining uploaded scans (options "Scans"); web nodes sweep expired scans. A wrong value fails the start naming its key.</summary>
    public static IServiceCollection AddScans(this IServiceCollection services, NodeRole role)
    {
        services.AddOptions<ScansOptions>().BindConfiguration(ScansOptions.SectionName)
            .Validate(o => o.Retention >= TimeSpan.FromMinutes(1) && o.Retention <= TimeSpan.FromDays(30),
                $"{ScansOptions.SectionName}:Retention must be between 00:01:00 and 30.00:00:00.")
            .Validate(o => o.MaxUploadBytes is >= 1024 and <= 4L * 1024 * 1024 * 1024,
                $"{ScansOptions.SectionName}:MaxUploadBytes must be between 1 KiB and 4 GiB.")
            .Validate(o => o.DefaultMethods.Count is >= 1 and <= 8 && o.DefaultMethods.All(XaiLab.Engine.Attribution.AttributionMethods.IsKnown),
                $"{ScansOptions.SectionName}:DefaultMethods must name 1 to 8 known attribution methods.")
            .ValidateOnStart();
        services.AddScoped<ScanExplanationService>();
        if (role == NodeRole.Web)
        {
            services.AddSingleton<ScanSweeper>();
            services.AddHostedService(provider => provider.GetRequiredService<ScanSweeper>());
        }
        return services;
    }
}
