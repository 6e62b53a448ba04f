using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using XaiLab.Data;
using XaiLab.Engine.Runtime;
using XaiLab.Web.Compute;
using XaiLab.Web.Jobs.Artifacts;
using XaiLab.Web.Jobs.Attributions;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Jobs.Datasets;
using XaiLab.Web.Jobs.Embeddings;
using XaiLab.Web.Jobs.Evaluations;
using XaiLab.Web.Jobs.Training;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Nodes;

namespace XaiLab.Web.Jobs;

public static class JobsHostingExtensions
{
    /// <summary>
    /// Hangfire on the configured database (SQLite file hangfire.db in the data directory, or the PostgreSQL database
    /// with a sliding invisibility timeout), with a training server and a default server for the queues of Jobs:Queues.
    /// </summary>
    public static IHostApplicationBuilder AddXaiLabJobs(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(JobsOptions.SectionName);
        builder.Services.AddOptions<JobsOptions>().Bind(section)
            .Validate(o => o.MaxWorkerCrashes >= 0, "Jobs:MaxWorkerCrashes must be 0 or more.")
            .ValidateOnStart();
        var jobs = section.Get<JobsOptions>() ?? new JobsOptions();
        var node = NodeOptions.Read(builder.Configuration);

        // The storage is this host's own singleton. Hangfire's defaults resolve it through the static JobStorage.Current,
        // which the last host to start overwrites: with several hosts in one process (tests) a client could then enqueue
        // into another host's storage, or into a disposed one.
        var dataDirectory = builder.XaiLabDataDirectory();
        builder.Services.AddSingleton(_ => CreateStorage(builder.Configuration, dataDirectory, jobs));
        builder.Services.AddHangfire((services, config) => config
            .UseLogProvider(new HangfireLogProvider(services.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(services.GetRequiredService<JobStorage>()));

        // Only a process that computes serves queues; a web node leaves every job to its workers and loads no libtorch.
        IReadOnlyList<string> queues = ComputeHostingExtensions.Computes(builder.Configuration) ? jobs.ResolveQueues(TorchRuntime.CudaAvailable) : [];
        builder.Services.AddSingleton(new JobQueueSet(queues));
        string[] trainingQueues = [.. queues.Where(q => q is JobQueues.Gpu or JobQueues.Cpu)];
        if (trainingQueues.Length > 0)
        {
            builder.Services.AddHangfireServer(server =>
            {
                server.ServerName = $"{node.Name}:training";
                server.Queues = trainingQueues;
                server.WorkerCount = Math.Max(1, jobs.TrainingWorkers);
            });
        }
        if (queues.Contains(JobQueues.Default))
        {
            builder.Services.AddHangfireServer(server =>
            {
                server.ServerName = $"{node.Name}:default";
                server.Queues = [JobQueues.Default];
                server.WorkerCount = Math.Max(1, jobs.DefaultWorkers);
            });
        }
        // Hangfire must see cancellation before the host gives up on it.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.Services.AddSingleton<FaultInjection>();
        builder.Services.AddSingleton<ComputedArtifacts>();
        builder.Services.AddScoped<ArtifactJob>();
        builder.Services.AddSingleton<ModelPropertiesCache>();
        builder.Services.AddSingleton<JobExecutions>();
        builder.Services.AddSingleton<WorkerDeaths>();
        builder.Services.AddScoped<IJobRecovery, RunRecovery>();
        builder.Services.AddScoped<IJobRecovery, DatasetImportRecovery>();
        builder.Services.AddScoped<IJobRecovery, AttributionRecovery>();
        builder.Services.AddScoped<IJobRecovery, SanityCheckRecovery>();
        builder.Services.AddScoped<IJobRecovery, EmbeddingRecovery>();
        builder.Services.AddScoped<IJobRecovery, EvaluationRecovery>();
        builder.Services.AddScoped<TrainingJob>();
        builder.Services.AddScoped<RunSplitsLoader>();
        builder.Services.AddSingleton<SliceInputCache>();
        builder.Services.AddScoped<RunEvaluationStage>();
        builder.Services.AddScoped<SaliencyStage>();
        builder.Services.AddScoped<SaliencyBackfill>();
        builder.Services.AddScoped<DemoDatasetJob>();
        builder.Services.AddScoped<EmbeddingJob>();
        builder.Services.AddScoped<EvaluationJob>();
        builder.Services.AddScoped<EmbeddingFeatureLoader>();
        builder.Services.AddScoped<AttributionJob>();
        builder.Services.AddSingleton<AttributionLocks>();
        builder.Services.AddScoped<SanityCheckJob>();
        builder.Services.AddScoped<XaiLab.Web.Jobs.Scans.ScanJob>();
        builder.Services.AddScoped<DatasetSliceWriter>();
        builder.Services.AddScoped<DatasetImportJob>();
        return builder;
    }

    private static JobStorage CreateStorage(IConfiguration configuration, DataDirectory data, JobsOptions jobs)
    {
        var database = DataHostingExtensions.ReadDatabaseOptions(configuration);
        var dataDirectory = data.Path;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var options = new PostgreSqlStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollIntervalSeconds),
                InvisibilityTimeout = TimeSpan.FromSeconds(jobs.SlidingInvisibilityTimeoutSeconds),
                UseSlidingInvisibilityTimeout = true,
                PrepareSchemaIfNecessary = true,
                // A node may start while the database is still coming up.
                StartupConnectionMaxRetries = 10,
            };
            var connectionString = database.ResolveConnectionString(
                configuration.GetConnectionString(DatabaseOptions.ConnectionStringName), dataDirectory);
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options, null), options);
        }
        return new SQLiteStorage(Path.Combine(dataDirectory, "hangfire.db"), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollIntervalSeconds),
            InvisibilityTimeout = TimeSpan.FromHours(jobs.InvisibilityTimeoutHours),
        });
    }
}
