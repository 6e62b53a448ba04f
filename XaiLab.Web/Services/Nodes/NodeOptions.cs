using Microsoft.Extensions.Configuration;

namespace XaiLab.Web.Services.Nodes;

/// <summary>This process's place among XaiLab nodes. Bound from the configuration section "Node".</summary>
public sealed class NodeOptions
{
    public const string SectionName = "Node";

    /// <summary>
    /// Web (default) or Worker. Also read from XaiLab:Role and from the command line (`--role worker`).
    /// Environment variable: Node__Role.
    /// </summary>
    public NodeRole Role { get; set; } = NodeRole.Web;

    /// <summary>
    /// Name recorded on the runs and attribution requests this node executes (ExecutedBy) and given to its Hangfire
    /// servers. Default "machine:process-id"; set a stable one per node, e.g. "gpu-box-1".
    /// </summary>
    public string Name { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>The node options of a configuration, with the role aliases applied.</summary>
    public static NodeOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<NodeOptions>() ?? new NodeOptions();
        var role = configuration[$"{SectionName}:Role"] ?? configuration["XaiLab:Role"] ?? configuration["role"];
        if (role is not null)
        {
            options.Role = Enum.TryParse<NodeRole>(role, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Unknown node role '{role}': use web or worker.");
        }
        return options;
    }
}
