using Hangfire;
using MudBlazor.Services;
using XaiLab.Web.Apis;
using XaiLab.Web.Services.Attributions;
using XaiLab.Web.Services.Backups;
using XaiLab.Web.Components;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Models;
using XaiLab.Web.Services.Embeddings;
using XaiLab.Web.Services.Health;
using XaiLab.Web.Services.Progress;
using XaiLab.Web.Services.Runs;
using XaiLab.Web.Services.Nodes;
using XaiLab.Web.Services.Startup;

namespace XaiLab.Web;

public static class WebHostingExtensions
{
    /// <summary>
    /// Blazor Server with MudBlazor, the application services, the API and the start-up database work. A worker node
    /// (Node:Role) registers the same services, which its jobs use, but maps only /api/health.
    /// </summary>
    public static IHostApplicationBuilder AddXaiLabWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(NodeOptions.Read(builder.Configuration));
        builder.Services.Configure<DatabaseHealthOptions>(builder.Configuration.GetSection(DatabaseHealthOptions.SectionName));
        builder.Services.AddSingleton<DatabaseHealthMonitor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseHealthMonitor>());
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.Configure<DemoDatasetOptions>(builder.Configuration.GetSection(DemoDatasetOptions.SectionName));
        builder.Services.AddSingleton<RunProgressNotifier>();
        builder.Services.Configure<DatasetImportOptions>(builder.Configuration.GetSection(DatasetImportOptions.SectionName));
        builder.Services.AddSingleton<DatasetProgressNotifier>();
        builder.Services.AddSingleton<DatasetUploadStore>();
        builder.Services.AddScoped<DatasetImportService>();
        builder.Services.AddScoped<DatasetSliceQueries>();
        builder.Services.AddScoped<DatasetSplitService>();
        builder.Services.AddScoped<DatasetService>();
        builder.Services.AddScoped<InterruptedImports>();
        builder.Services.AddScoped<RunService>();
        builder.Services.AddScoped<RunComparisonService>();
        builder.Services.AddSingleton<ModelPropertiesCache>();
        builder.Services.AddScoped<ModelTableService>();
        builder.Services.AddScoped<EmbeddingService>();
        builder.Services.AddScoped<AttributionService>();
        builder.Services.AddScoped<SaliencyScoreService>();
        builder.Services.AddScoped<TeamBackupService>();
        builder.Services.Configure<AttributionFigureOptions>(builder.Configuration.GetSection(AttributionFigureOptions.SectionName));
        builder.Services.AddScoped<AttributionFigureService>();
        builder.Services.Configure<SanityCheckOptions>(builder.Configuration.GetSection(SanityCheckOptions.SectionName));
        builder.Services.AddSingleton<SanityCheckStore>();
        builder.Services.AddScoped<SanityCheckService>();
        // Registered before Hangfire's servers (AddXaiLabJobs runs first, but hosted services start in registration
        // order only among themselves): the initializer migrates before any job can touch the database.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseInitializer>());
        return builder;
    }

    public static WebApplication MapXaiLab(this WebApplication app)
    {
        if (app.Services.GetRequiredService<NodeOptions>().Role == NodeRole.Worker)
        {
            app.MapHealthApi();
            return app;
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOpenApi("/api/openapi.json");
        app.MapHealthApi();
        app.MapDatasetsApi();
        app.MapRunsApi();
        app.MapRunExportsApi();
        app.MapModelsApi();
        app.MapEmbeddingsApi();
        app.MapAttributionsApi();
        app.MapArtifactsApi();
        app.MapTeamBackupsApi();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], DashboardTitle = "XaiLab jobs" });
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
