using System.Text.Json;
using XaiLab.Data.Artifacts;
using XaiLab.Web.Apis.Contracts;

namespace XaiLab.Web.Services.Attributions;

/// <summary>A run's latest sanity check, kept as one JSON artifact (<c>runs/{id}/sanity-check.json</c>, atomic writes).</summary>
public sealed class SanityCheckStore(ArtifactStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string PathOf(int runId) => $"runs/{runId}/sanity-check.json";

    public async Task<SanityCheckResponse?> ReadAsync(int runId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(runId);
        return store.Exists(path)
            ? JsonSerializer.Deserialize<SanityCheckResponse>(await store.ReadAsync(path, cancellationToken), Json)
            : null;
    }

    public Task WriteAsync(SanityCheckResponse check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        return store.WriteAsync(PathOf(check.RunId), JsonSerializer.SerializeToUtf8Bytes(check, Json), cancellationToken);
    }
}
