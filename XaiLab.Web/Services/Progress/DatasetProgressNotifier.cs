namespace XaiLab.Web.Services.Progress;

/// <summary>Import progress for open dataset pages, keyed by dataset id.</summary>
public sealed class DatasetProgressNotifier : ProgressNotifier<int, DatasetProgress>
{
    protected override int KeyOf(DatasetProgress progress) => progress.DatasetId;
}
