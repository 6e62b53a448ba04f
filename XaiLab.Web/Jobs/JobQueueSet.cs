namespace XaiLab.Web.Jobs;

/// <summary>The job queues this process's job servers take work from (none on a web node that leaves work to workers).</summary>
public sealed record JobQueueSet(IReadOnlyList<string> Queues);
