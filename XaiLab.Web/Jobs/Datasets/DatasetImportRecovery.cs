using System.Text.Json;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Services.Progress;
using XaiLab.Web.Services.Startup;

namespace XaiLab.Web.Jobs.Datasets;

/// <summary>An import whose worker died starts again from its upload, or is rolled back and ends failed with the reason.</summary>
public sealed class DatasetImportRecovery(InterruptedImports imports, JobExecutionStore executions) : IJobRecovery
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => JobKinds.DatasetImport;

    public Task ResumeAsync(int entityId, bool atStartup, CancellationToken cancellationToken) =>
        // At start InterruptedImports.RecoverAsync handles every import left importing.
        atStartup ? Task.CompletedTask : imports.RequeueAsync(entityId, cancellationToken);

    public async Task FailAsync(int entityId, string reason, CancellationToken cancellationToken)
    {
        await imports.RollBackAsync(entityId, reason, cancellationToken);
        var progress = new DatasetProgress(entityId, DatasetStatus.Failed, 0, reason);
        await executions.ReportAsync(Kind, entityId, "failed", JsonSerializer.Serialize(progress, Json), cancellationToken);
    }
}
