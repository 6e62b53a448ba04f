using Hangfire;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Services.Attributions;

namespace XaiLab.Web.Jobs.Attributions;

/// <summary>A sanity check whose worker died runs again from its stored record, or ends failed with the reason.</summary>
public sealed class SanityCheckRecovery(SanityCheckStore checks, IBackgroundJobClient jobs, TimeProvider time) : IJobRecovery
{
    public string Kind => JobKinds.SanityCheck;

    public async Task ResumeAsync(int entityId, bool atStartup, CancellationToken cancellationToken)
    {
        if (await checks.ReadAsync(entityId, cancellationToken) is { Status: SanityCheckStatus.Running or SanityCheckStatus.Queued })
        {
            jobs.Enqueue<SanityCheckJob>(job => job.RunAsync(entityId, CancellationToken.None));
        }
    }

    public async Task FailAsync(int entityId, string reason, CancellationToken cancellationToken)
    {
        if (await checks.ReadAsync(entityId, cancellationToken) is { Status: SanityCheckStatus.Running or SanityCheckStatus.Queued } check)
        {
            await checks.WriteAsync(check with { Status = SanityCheckStatus.Failed, Error = reason, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        }
    }
}
