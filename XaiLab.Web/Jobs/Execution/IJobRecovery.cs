namespace XaiLab.Web.Jobs.Execution;

/// <summary>
/// What a job kind does when the worker executing one of its subjects died (<see cref="WorkerDeaths"/>): queue it again
/// to resume from what it stored, or end it failed with the reason. One implementation per kind.
/// </summary>
public interface IJobRecovery
{
    /// <summary>One of XaiLab.Data.Executions.JobKinds.</summary>
    string Kind { get; }

    /// <summary>
    /// Queues the subject again. <paramref name="atStartup"/>: the whole app is starting after a stop, when kinds with a
    /// start-up recovery of their own (runs, imports) leave it to that.
    /// </summary>
    Task ResumeAsync(int entityId, bool atStartup, CancellationToken cancellationToken);

    /// <summary>Ends the subject failed with <paramref name="reason"/>, leaving nothing half-written.</summary>
    Task FailAsync(int entityId, string reason, CancellationToken cancellationToken);
}
