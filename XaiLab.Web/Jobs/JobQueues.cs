namespace XaiLab.Web.Jobs;

/// <summary>Hangfire queue names: "gpu" (one worker per GPU), "cpu" (training without a GPU) and "default" (imports).</summary>
public static class JobQueues
{
    public const string Gpu = "gpu";
    public const string Cpu = "cpu";
    public const string Default = "default";
}
