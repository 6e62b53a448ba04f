using XaiLab.Data;
using XaiLab.Web;
using XaiLab.Web.Jobs;

// Before anything loads libtorch: idle OpenMP threads sleep instead of spinning (docs/notes/perf.md).
XaiLab.Engine.Runtime.ThreadWaitPolicy.UsePassiveWaiting();
var builder = WebApplication.CreateBuilder(args);
builder.AddXaiLabData();
builder.AddXaiLabJobs();
builder.AddXaiLabWeb();

var app = builder.Build();
app.MapXaiLab();
app.Run();

/// <summary>Entry point; public so tests can host the application.</summary>
public partial class Program;
