namespace XaiLab.Tests.Fixtures;

/// <summary>
/// Test classes that host the application in-process run one after another: Hangfire keeps process-wide statics
/// (JobStorage.Current, the log provider) that two live hosts would share.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WebHostCollection
{
    public const string Name = "In-process web hosts";
}
