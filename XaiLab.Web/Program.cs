using XaiLab.Data;
using XaiLab.Engine.Runtime;
using XaiLab.Engine.Runtime.Cpu;
using XaiLab.Web;
using XaiLab.Web.Compute;
using XaiLab.Web.Jobs;

// A hardware-guard probe child (see OneDnnIsaGuard): runs the steps known to fault, and its exit status is the answer.
if (OneDnnIsaGuard.RunProbeIfAsked(args) is { } probeExit) return probeExit;
// Before anything loads libtorch: idle OpenMP threads sleep instead of spinning (docs/performance.md).
ThreadWaitPolicy.UsePassiveWaiting();
var builder = WebApplication.CreateBuilder(args);
// Packages' static files (MudBlazor, Blazor's script) from the build output in any environment; a no-op when published.
builder.WebHost.UseStaticWebAssets();
builder.AddXaiLabData();
builder.AddXaiLabCompute();
builder.AddXaiLabJobs();
builder.AddXaiLabWeb();

var app = builder.Build();
app.MapXaiLab();
app.Run();
return 0;

/// <summary>Entry point; public so tests can host the application.</summary>
public partial class Program;
