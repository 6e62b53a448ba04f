using System.Text.Json;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Jobs.Artifacts;

namespace XaiLab.Web.Services.Models;

/// <summary>
/// Table 3 properties of every architecture at an input configuration, for the web node: computed once per configuration
/// by a worker (<see cref="ArtifactJob.DescribeModelsAsync"/>, which builds each network) and kept as a file in the
/// artifact store, so neither the web process nor a repeated request builds a network.
/// </summary>
public sealed class ModelDescriptions(ComputedArtifacts artifacts, Data.Artifacts.ArtifactStore store, TimeProvider time)
{
    /// <summary>
    /// Configurations not described yet that the whole node computes per hour: 30. Each builds every network once
    /// (seconds of CPU at 512 px), so this bounds what any caller can make the workers do; described ones are free.
    /// </summary>
    public const int NewConfigurationsPerHour = 30;

    private readonly Queue<DateTimeOffset> recent = new();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Bumped when <see cref="ModelResponse"/> or what it measures changes, so stale files are not served.</summary>
    private const int Version = 1;

    private void Admit()
    {
        var now = time.GetUtcNow();
        lock (recent)
        {
            while (recent.Count > 0 && now - recent.Peek() > TimeSpan.FromHours(1)) recent.Dequeue();
            if (recent.Count >= NewConfigurationsPerHour)
            {
                var wait = (int)Math.Ceiling((recent.Peek() + TimeSpan.FromHours(1) - now).TotalSeconds);
                throw RequestValidationException.TooMany(
                    $"{NewConfigurationsPerHour} new model configurations were described in the last hour; try again in {wait} s or use one already described.", wait);
            }
            recent.Enqueue(now);
        }
    }

    /// <summary>The artifact holding the descriptions of one configuration.</summary>
    public static string PathOf(ModelQuery query) =>
        $"cache/models/v{Version}-{query.Size}px-{query.Channels}ch-{query.Classes}cls.json";

    public async Task<IReadOnlyList<ModelResponse>> DescribeAllAsync(ModelQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = PathOf(query);
        if (!store.Exists(path))
        {
            Admit();
        }
        var content = await artifacts.GetAsync(path,
            job => job.DescribeModelsAsync(query.Size, query.Channels, query.Classes, path, CancellationToken.None), cancellationToken);
        return JsonSerializer.Deserialize<List<ModelResponse>>(content, Json) ?? [];
    }
}
