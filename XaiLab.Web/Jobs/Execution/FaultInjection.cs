using XaiLab.Engine.Runtime.Processes;

namespace XaiLab.Web.Jobs.Execution;

/// <summary>
/// For tests only: makes a worker die by a real signal at a chosen point, so the supervision, resume and failure paths
/// run on real processes. Configured under "Testing:KillWorker" (<c>Kind</c> e.g. "run", <c>Stage</c> a prefix of the
/// reported stage e.g. "training epoch 1, batch 2", <c>Signal</c> default 9, <c>Times</c> default 1: die only while the
/// subject has fewer crashes than this, 0 = every time; <c>EntityId</c> optional: only that subject) and honoured only in the "Testing" environment.
/// </summary>
public sealed class FaultInjection
{
    public const string SectionName = "Testing:KillWorker";

    private readonly string? kind;
    private readonly string? stage;
    private readonly int signal;
    private readonly int times;
    private readonly int? entityId;

    /// <summary>No fault is ever injected.</summary>
    public static FaultInjection None { get; } = new();

    private FaultInjection()
    {
    }

    public FaultInjection(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SectionName);
        if (!environment.IsEnvironment("Testing") || string.IsNullOrEmpty(section["Stage"]))
        {
            return;
        }
        kind = section["Kind"];
        stage = section["Stage"];
        signal = int.TryParse(section["Signal"], out var s) ? s : 9;
        times = int.TryParse(section["Times"], out var t) ? t : 1;
        entityId = int.TryParse(section["EntityId"], out var id) ? id : null;
    }

    /// <summary>The signal to die by now, or null (always null outside tests).</summary>
    public int? ShouldDie(string subjectKind, int subjectId, string reportedStage, int crashesSoFar) =>
        stage is not null && (kind is null || kind == subjectKind) && (entityId is null || entityId == subjectId)
        && reportedStage.StartsWith(stage, StringComparison.Ordinal)
        && (times == 0 || crashesSoFar < times)
            ? signal
            : null;

    /// <summary>Sends <paramref name="signal"/> to this process; returns only if the signal did not end it.</summary>
    public static void Die(int signal)
    {
        Console.Error.Flush();
        ProcessSignals.Send(Environment.ProcessId, signal);
        Thread.Sleep(TimeSpan.FromSeconds(5));
    }
}
