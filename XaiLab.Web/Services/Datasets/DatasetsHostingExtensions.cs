using XaiLab.Engine.Datasets.Phantoms;
using XaiLab.Web.Services.Startup;

namespace XaiLab.Web.Services.Datasets;

public static class DatasetsHostingExtensions
{
    /// <summary>
    /// Datasets: uploads and imports (options "Imports"), their progress, slice queries, splits, and the demo dataset
    /// seeded on first start (options "Demo"). A wrong value fails the start with a message naming its key.
    /// </summary>
    public static IServiceCollection AddDatasets(this IServiceCollection services)
    {
        services.AddOptions<DatasetImportOptions>().BindConfiguration(DatasetImportOptions.SectionName)
            .Validate(o => o.MaxUploadBytes > 0, $"{DatasetImportOptions.SectionName}:MaxUploadBytes must be more than 0.")
            .Validate(o => o.MaxImportMinutes > 0, $"{DatasetImportOptions.SectionName}:MaxImportMinutes must be more than 0.")
            .ValidateOnStart();
        services.AddOptions<DemoDatasetOptions>().BindConfiguration(DemoDatasetOptions.SectionName)
            .Validate(o => o.Size is >= PhantomOptions.MinimumSize and <= PhantomOptions.MaximumSize,
                $"{DemoDatasetOptions.SectionName}:Size must be between {PhantomOptions.MinimumSize} and {PhantomOptions.MaximumSize}.")
            .Validate(o => o.Slices >= 3, $"{DemoDatasetOptions.SectionName}:Slices must be at least 3.")
            .ValidateOnStart();
        services.AddSingleton<DatasetUploadStore>();
        services.AddSingleton<PseudonymKey>();
        services.AddScoped<DatasetImportService>();
        services.AddScoped<DatasetSliceQueries>();
        services.AddScoped<DatasetSplitService>();
        services.AddScoped<DatasetService>();
        services.AddScoped<InterruptedImports>();
        return services;
    }
}
