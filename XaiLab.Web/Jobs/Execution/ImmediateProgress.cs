namespace XaiLab.Web.Jobs.Execution;

/// <summary>
/// Reports on the caller's thread, in order. <see cref="Progress{T}"/> posts each report to the thread pool instead, so a
/// late "explaining" report could land after the job's final status and overwrite it on the page.
/// </summary>
public sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
