using System.Text.Json;
using XaiLab.Data.Artifacts;
using XaiLab.Web.Apis.Contracts;

namespace XaiLab.Web.Services.Attributions;

/// <summary>
/// A run's latest sanity check, kept as one JSON artifact (<c>runs/{id}/sanity-check.json</c>, atomic writes) in its
/// storage format <see cref="StoredSanityCheck"/>; this is the one place it is mapped to and from the API's shape.
/// </summary>
public sealed class SanityCheckStore(ArtifactStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string PathOf(int runId) => $"runs/{runId}/sanity-check.json";

    public async Task<SanityCheckResponse?> ReadAsync(int runId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(runId);
        return store.Exists(path)
            ? Read(await store.ReadAsync(path, cancellationToken))
            : null;
    }

    public Task WriteAsync(SanityCheckResponse check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        return store.WriteAsync(PathOf(check.RunId), JsonSerializer.SerializeToUtf8Bytes(StoredSanityCheck.From(check), Json), cancellationToken);
    }

    /// <exception cref="InvalidOperationException">A version newer than this build knows (a downgrade).</exception>
    internal static SanityCheckResponse Read(byte[] json)
    {
        var stored = JsonSerializer.Deserialize<StoredSanityCheck>(json, Json)
            ?? throw new InvalidOperationException("A stored sanity check is the JSON null.");
        if (stored.Version > StoredSanityCheck.CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The sanity check was stored by a newer XaiLab (version {stored.Version}; this build reads up to {StoredSanityCheck.CurrentVersion}).");
        }
        return stored.ToResponse();
    }
}
