namespace XaiLab.Web.Services.Attributions;

public static class AttributionsHostingExtensions
{
    /// <summary>
    /// Attribution requests and their maps, mask scores, the comparison figure (options "AttributionFigure") and the
    /// randomisation sanity check (options "SanityCheck"). A wrong value fails the start with a message naming its key.
    /// </summary>
    public static IServiceCollection AddAttributions(this IServiceCollection services)
    {
        services.AddOptions<AttributionFigureOptions>().BindConfiguration(AttributionFigureOptions.SectionName)
            .Validate(o => o.CellSize is >= 32 and <= 1024, $"{AttributionFigureOptions.SectionName}:CellSize must be between 32 and 1024.")
            .Validate(o => o.FontPath is null || File.Exists(o.FontPath), $"{AttributionFigureOptions.SectionName}:FontPath names no file.")
            .ValidateOnStart();
        services.AddOptions<SanityCheckOptions>().BindConfiguration(SanityCheckOptions.SectionName)
            .Validate(o => o.Slices >= 1, $"{SanityCheckOptions.SectionName}:Slices must be at least 1.")
            .Validate(o => o.MaxSteps >= 1, $"{SanityCheckOptions.SectionName}:MaxSteps must be at least 1.")
            .Validate(o => o.FlagRankCorrelation is >= -1 and <= 1, $"{SanityCheckOptions.SectionName}:FlagRankCorrelation must be between -1 and 1.")
            .ValidateOnStart();
        services.AddScoped<AttributionService>();
        services.AddScoped<SaliencyScoreService>();
        services.AddScoped<AttributionFigureService>();
        services.AddSingleton<SanityCheckStore>();
        services.AddScoped<SanityCheckService>();
        return services;
    }
}
