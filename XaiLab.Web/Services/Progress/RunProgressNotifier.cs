namespace XaiLab.Web.Services.Progress;

/// <summary>Run progress for open run pages, keyed by run id.</summary>
public sealed class RunProgressNotifier : ProgressNotifier<int, RunProgress>
{
    protected override int KeyOf(RunProgress progress) => progress.RunId;
}
