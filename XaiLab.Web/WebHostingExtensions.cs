using Hangfire;
using MudBlazor.Services;
using Microsoft.AspNetCore.Authorization;
using XaiLab.Web.Apis;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Backups;
using XaiLab.Web.Services.Health;
using XaiLab.Web.Services.Nodes;
using XaiLab.Web.Services.Security;
using XaiLab.Web.Services.Attributions;
using XaiLab.Web.Components;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Models;
using XaiLab.Web.Services.Embeddings;
using XaiLab.Web.Services.Progress;
using XaiLab.Web.Services.Runs;
using XaiLab.Web.Services.Startup;
using XaiLab.Web.Services.Studies;
using XaiLab.Web.Jobs.Artifacts;

namespace XaiLab.Web;

public static class WebHostingExtensions
{
    /// <summary>
    /// Blazor Server with MudBlazor, accounts, the application services, the API and the start-up database work. A worker
    /// node (Node:Role) registers the same services, which its jobs use, but maps only /api/health.
    /// </summary>
    public static IHostApplicationBuilder AddXaiLabWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddSingleton(NodeOptions.Read(builder.Configuration));
        builder.Services.Configure<DatabaseHealthOptions>(builder.Configuration.GetSection(DatabaseHealthOptions.SectionName));
        builder.Services.AddSingleton<DatabaseHealthMonitor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseHealthMonitor>());
        builder.AddXaiLabAccounts();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        // Nothing says which server software answers.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        var proxy = builder.Configuration.GetSection(ProxyOptions.SectionName).Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies) forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(address));
        });
        builder.Services.AddSingleton(proxy);
        // A body or query the binder cannot read is the caller's error, answered 400 in every environment (Development
        // would otherwise throw it to the developer exception page as a 500).
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        builder.Services.AddOpenApi();
        builder.Services.Configure<DemoDatasetOptions>(builder.Configuration.GetSection(DemoDatasetOptions.SectionName));
        builder.Services.AddSingleton<RunProgressNotifier>();
        builder.Services.AddSingleton<JobProgressNotifier>();
        if (NodeOptions.Read(builder.Configuration).Role == NodeRole.Web)
        {
            // Progress of every job, wherever it runs, to this node's pages.
            builder.Services.AddHostedService<JobProgressRelay>();
        }
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
        builder.Services.AddScoped<RunWeights>();
        builder.Services.AddSingleton<ModelDescriptions>();
        builder.Services.AddScoped<ModelTableService>();
        builder.Services.AddScoped<EmbeddingService>();
        builder.Services.AddScoped<AttributionService>();
        builder.Services.AddScoped<SaliencyScoreService>();
        builder.Services.Configure<AttributionFigureOptions>(builder.Configuration.GetSection(AttributionFigureOptions.SectionName));
        builder.Services.AddScoped<AttributionFigureService>();
        builder.Services.Configure<SanityCheckOptions>(builder.Configuration.GetSection(SanityCheckOptions.SectionName));
        builder.Services.AddSingleton<SanityCheckStore>();
        builder.Services.AddScoped<SanityCheckService>();
        // Studies resolve ICurrentUser per request or circuit; the accounts work (issue #9) registers it.
        builder.Services.AddScoped<StudyService>();
        builder.Services.AddScoped<StudyAnnotationService>();
        builder.Services.AddScoped<StudyResultsService>();
        builder.Services.AddScoped<StudyItemImages>();
        builder.Services.AddScoped<TeamBackupService>();
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
        if (app.Services.GetRequiredService<ProxyOptions>().TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseXaiLabSecurityHeaders();
        // Before authentication: a flood of password guesses is turned away without touching the database.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CookieRequestForgeryGuard>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOpenApi("/api/openapi.json").RequireAuthorization(XaiLabPolicies.Read);
        app.MapHealthApi();
        app.MapAuthApi();
        app.MapAdminApi();

        // Every data route: Viewers, Researchers and Admins read; anything but GET needs a Researcher or an Admin.
        var data = app.MapGroup(string.Empty).RequireAuthorization(XaiLabPolicies.Read);
        ((IEndpointConventionBuilder)data).Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().Any(m => m.HttpMethods.Any(method => !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))))
            {
                endpoint.Metadata.Add(new AuthorizeAttribute { Policy = XaiLabPolicies.Write });
            }
        });
        data.MapDatasetsApi();
        data.MapRunsApi();
        data.MapRunExportsApi();
        data.MapRunWeightsApi();
        data.MapModelsApi();
        data.MapEmbeddingsApi();
        data.MapAttributionsApi();
        data.MapArtifactsApi();
        // Studies serve annotators too (who read nothing else): signed in is enough here, the study services check roles
        // and assignments on every call.
        app.MapGroup(string.Empty).RequireAuthorization().MapStudiesApi();
        // A team's whole project (rows and artifacts) out and back in: administrators only.
        app.MapGroup(string.Empty).RequireAuthorization(XaiLabPolicies.Admin).MapTeamBackupsApi();
        // The dashboard's own filter is empty: the endpoint's admin policy decides (and sends others to the sign-in form).
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], DashboardTitle = "XaiLab jobs" })
            .RequireAuthorization(XaiLabPolicies.Admin);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
