using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.ModelCards;

/// <summary>
/// The model card of a run of the caller's teams: what <c>GET /api/runs/{id}/model-card</c> (JSON) and
/// <c>/model-card.md</c> (Mitchell et al. 2019's sections) serve. The card is the sidecar of the exported weights: the
/// .pt stays a plain state dict, and the .safetensors carries the same preprocessing in its header
/// (<see cref="ModelCardMetadata"/>).
/// </summary>
public sealed class ModelCardService(IDbContextFactory<XaiLabDbContext> contexts, TeamAccess access)
{
    /// <summary>The card, or null when the caller's teams see no such run.</summary>
    /// <exception cref="RequestValidationException">Conflict (409) when the run has no checkpoint yet.</exception>
    public async Task<ModelCardResponse?> GetAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        return run is null ? null : await ModelCardBuilder.BuildAsync(db, run, cancellationToken);
    }

    /// <summary>The card as Markdown, or null when the caller's teams see no such run.</summary>
    /// <exception cref="RequestValidationException">Conflict (409) when the run has no checkpoint yet.</exception>
    public async Task<string?> MarkdownAsync(int runId, CancellationToken cancellationToken = default) =>
        await GetAsync(runId, cancellationToken) is { } card ? ModelCardMarkdown.Write(runId, card) : null;
}
