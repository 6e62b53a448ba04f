namespace XaiLab.Web.Services.Studies;

public static class StudiesHostingExtensions
{
    /// <summary>Rating studies: creating and closing them, annotators' rating, results, and the blinded item images.</summary>
    public static IServiceCollection AddStudies(this IServiceCollection services)
    {
        services.AddScoped<StudyService>();
        services.AddScoped<StudyAnnotationService>();
        services.AddScoped<StudyResultsService>();
        services.AddScoped<StudyItemImages>();
        return services;
    }
}
