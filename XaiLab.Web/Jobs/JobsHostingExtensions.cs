using Hangfire;
using Hangfire.Storage.SQLite;
using XaiLab.Data;
using XaiLab.Engine.Runtime;
using XaiLab.Web.Jobs.Attributions;
using XaiLab.Web.Jobs.Datasets;
using XaiLab.Web.Jobs.Embeddings;
using XaiLab.Web.Jobs.Training;
using XaiLab.Web.Services.Datasets;

namespace XaiLab.Web.Jobs;

public static class JobsHostingExtensions
{
    /// <summary>Hangfire on SQLite storage in the data directory, with a training server and a default server.</summary>
    public static IHostApplicationBuilder AddXaiLabJobs(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(JobsOptions.SectionName);
        builder.Services.Configure<JobsOptions>(section);
        var jobs = section.Get<JobsOptions>() ?? new JobsOptions();
        var data = builder.Configuration.GetSection(XaiLabOptions.SectionName).Get<XaiLabOptions>() ?? new XaiLabOptions();
        var hangfireDb = Path.Combine(DataHostingExtensions.ResolveDataDirectory(data, builder.Environment.ContentRootPath), "hangfire.db");

        // The storage is this host's own singleton. Hangfire's defaults resolve it through the static JobStorage.Current,
        // which the last host to start overwrites: with several hosts in one process (tests) a client could then enqueue
        // into another host's storage, or into a disposed one.
        builder.Services.AddSingleton<JobStorage>(_ => new SQLiteStorage(hangfireDb, new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollIntervalSeconds),
            InvisibilityTimeout = TimeSpan.FromHours(jobs.InvisibilityTimeoutHours),
        }));
        builder.Services.AddHangfire((services, config) => config
            .UseLogProvider(new HangfireLogProvider(services.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(services.GetRequiredService<JobStorage>()));

        var trainingQueues = TorchRuntime.CudaAvailable ? new[] { JobQueues.Gpu, JobQueues.Cpu } : [JobQueues.Cpu];
        builder.Services.AddHangfireServer(server =>
        {
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:training";
            server.Queues = trainingQueues;
            server.WorkerCount = Math.Max(1, jobs.TrainingWorkers);
        });
        builder.Services.AddHangfireServer(server =>
        {
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:default";
            server.Queues = [JobQueues.Default];
            server.WorkerCount = Math.Max(1, jobs.DefaultWorkers);
        });
        // Hangfire must see cancellation before the host gives up on it.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.Services.AddSingleton<RunCancellationRegistry>();
        builder.Services.AddScoped<TrainingJob>();
        builder.Services.AddScoped<RunDataLoader>();
        builder.Services.AddSingleton<SliceInputCache>();
        builder.Services.AddScoped<RunEvaluationStage>();
        builder.Services.AddScoped<SaliencyStage>();
        builder.Services.AddScoped<DemoDatasetJob>();
        builder.Services.AddScoped<EmbeddingJob>();
        builder.Services.AddScoped<EmbeddingFeatureLoader>();
        builder.Services.AddScoped<AttributionJob>();
        builder.Services.AddSingleton<AttributionLocks>();
        builder.Services.AddScoped<DatasetSliceWriter>();
        builder.Services.AddScoped<DatasetImportJob>();
        builder.Services.AddSingleton<DatasetImportCancellationRegistry>();
        return builder;
    }
}
