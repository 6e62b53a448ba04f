using Hangfire;
using MudBlazor.Services;
using Microsoft.AspNetCore.Authorization;
using XaiLab.Web.Apis;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Backups;
using XaiLab.Web.Services.Health;
using XaiLab.Web.Services.Nodes;
using XaiLab.Web.Services.Security;
using XaiLab.Web.Services.Attributions;
using XaiLab.Web.Components;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Deletion;
using XaiLab.Web.Services.ModelCards;
using XaiLab.Web.Services.Models;
using XaiLab.Web.Services.Embeddings;
using XaiLab.Web.Services.Evaluations;
using XaiLab.Web.Services.Progress;
using XaiLab.Web.Services.Runs;
using XaiLab.Web.Services.Scans;
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
        var node = NodeOptions.Read(builder.Configuration);
        builder.Services.AddSingleton(node);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.AddXaiLabAccounts();
        builder.AddXaiLabHttp();
        builder.Services
            .AddDatabaseHealth()
            .AddJobProgress(node.Role)
            .AddDatasets()
            .AddRuns()
            .AddModelCards()
            .AddModels()
            .AddEmbeddings()
            .AddEvaluations()
            .AddAttributions()
            .AddStudies()
            .AddDeletion()
            .AddScans(node.Role)
            .AddScoped<TeamBackupService>();
        // Registered before Hangfire's servers (AddXaiLabJobs runs first, but hosted services start in registration
        // order only among themselves): the initializer migrates before any job can touch the database.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseInitializer>());
        return builder;
    }

    /// <summary>
    /// The HTTP surface: problem details for every error (<see cref="ApiExceptionHandler"/>), enums by name
    /// (<see cref="WireNames"/>), no Server header,
    /// forwarded headers from known proxies (options "XaiLab:Proxy"), 400 for unreadable bodies, OpenAPI.
    /// </summary>
    private static void AddXaiLabHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        // Closed choices travel as enums inside and as their lower-case names on the wire (WireNames).
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(WireNames.Converter()));
        // Nothing says which server software answers.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        var proxy = builder.Configuration.GetSection(ProxyOptions.SectionName).Get<ProxyOptions>() ?? new ProxyOptions();
        // A configured address that is not one fails the start, naming its key.
        foreach (var entry in builder.Configuration.GetSection($"{ProxyOptions.SectionName}:{nameof(ProxyOptions.KnownProxies)}").GetChildren())
        {
            if (!System.Net.IPAddress.TryParse(entry.Value, out _))
            {
                throw new InvalidOperationException($"{entry.Path} is \"{entry.Value}\", which is not an IP address.");
            }
        }
        var knownProxies = proxy.KnownProxies.Select(System.Net.IPAddress.Parse).ToList();
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in knownProxies) forwarded.KnownProxies.Add(address);
        });
        builder.Services.AddSingleton(proxy);
        // A body or query the binder cannot read is the caller's error, answered 400 in every environment (Development
        // would otherwise throw it to the developer exception page as a 500).
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        builder.Services.AddOpenApi();
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
        data.MapModelCardsApi();
        data.MapModelsApi();
        data.MapEmbeddingsApi();
        data.MapEvaluationsApi();
        data.MapAttributionsApi();
        data.MapArtifactsApi();
        data.MapScansApi();
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
