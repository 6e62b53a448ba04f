using System.Text.Json;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Jobs.Artifacts;

namespace XaiLab.Web.Services.Models;

/// <summary>
/// Table 3 properties of every architecture at an input configuration, for the web node: computed once per configuration
/// by a worker (<see cref="ArtifactJob.DescribeModelsAsync"/>, which builds each network) and kept as a file in the
/// artifact store, so neither the web process nor a repeated request builds a network.
/// </summary>
public sealed class ModelDescriptions(ComputedArtifacts artifacts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Bumped when <see cref="ModelResponse"/> or what it measures changes, so stale files are not served.</summary>
    private const int Version = 1;

    /// <summary>The artifact holding the descriptions of one configuration.</summary>
    public static string PathOf(ModelQuery query) =>
        $"cache/models/v{Version}-{query.Size}px-{query.Channels}ch-{query.Classes}cls.json";

    public async Task<IReadOnlyList<ModelResponse>> DescribeAllAsync(ModelQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = PathOf(query);
        var content = await artifacts.GetAsync(path,
            job => job.DescribeModelsAsync(query.Size, query.Channels, query.Classes, path, CancellationToken.None), cancellationToken);
        return JsonSerializer.Deserialize<List<ModelResponse>>(content, Json) ?? [];
    }
}
