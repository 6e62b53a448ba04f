namespace XaiLab.Web.Services.Nodes;

/// <summary>What one XaiLab process does (configuration key Node:Role, or --role on the command line).</summary>
public enum NodeRole
{
    /// <summary>UI, API and the job servers of the queues it is given (all of them by default). The default.</summary>
    Web,

    /// <summary>Only the job servers of its queues and /api/health: a GPU machine beside a web node.</summary>
    Worker,
}
