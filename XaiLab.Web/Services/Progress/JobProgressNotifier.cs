namespace XaiLab.Web.Services.Progress;

/// <summary>
/// Every job's execution changes (stage, active), keyed by (kind, id): pages whose state lives in their own rows
/// (attribution grids, sanity checks, embeddings) subscribe here and reload when their job moves.
/// </summary>
public sealed class JobProgressNotifier : ProgressNotifier<(string Kind, int Id), JobProgressEvent>
{
    protected override (string Kind, int Id) KeyOf(JobProgressEvent progress) => (progress.Kind, progress.EntityId);
}
