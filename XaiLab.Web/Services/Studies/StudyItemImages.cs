using Microsoft.EntityFrameworkCore;
using XaiLab.Web.Services.Accounts;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Engine.Imaging;

namespace XaiLab.Web.Services.Studies;

/// <summary>
/// The layers of a presentation, addressed by its token only, so image URLs and bytes carry nothing that names the map:
/// the slice (no contour), the mask contour alone, and each map as a transparent heat layer (<see cref="SaliencyLayers"/>,
/// the stored overlay's colormap and 99th-percentile scale) that the page blends at the annotator's opacity.
/// </summary>
public sealed class StudyItemImages(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store)
{
    /// <summary>The PNG, or null when the token is not in the study, the layer does not fit the item's kind, or the caller
    /// is neither the token's annotator (<paramref name="userId"/>) nor a manager of the study's team (one of
    /// <paramref name="managedTeams"/>, the teams of a Researcher or Admin; null for anyone else).</summary>
    public async Task<byte[]?> RenderAsync(int studyId, string token, StudyImageLayer layer, string? userId, IReadOnlyCollection<int>? managedTeams,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assignment = await db.StudyAssignments.AsNoTracking()
            .Include(a => a.Item).ThenInclude(i => i!.Map).ThenInclude(m => m!.Slice)
            .Include(a => a.Item).ThenInclude(i => i!.SecondMap)
            .FirstOrDefaultAsync(a => a.StudyId == studyId && a.Token == token.ToLowerInvariant(), cancellationToken);
        if (assignment is null)
        {
            return null;
        }
        var managed = managedTeams is not null
            && await db.Studies.InTeams(managedTeams).AnyAsync(s => s.Id == studyId, cancellationToken);
        if (!managed && assignment.AnnotatorUserId != userId)
        {
            return null;
        }
        var item = assignment.Item!;
        var slice = item.Map!.Slice!;
        var pair = item.Kind == StudyItemKind.Pair;
        switch (layer)
        {
            case StudyImageLayer.Image:
                return SliceRenderer.RenderPng(Png16Codec.Decode(await store.ReadAsync(slice.ImagePath, cancellationToken)));
            case StudyImageLayer.Mask:
                var mask = slice.MaskPath is null
                    ? new BinaryMask(slice.Width, slice.Height, new bool[slice.Width * slice.Height])
                    : Png16Codec.DecodeMask(await store.ReadAsync(slice.MaskPath, cancellationToken));
                return SaliencyLayers.RenderContourPng(mask, slice.Width, slice.Height);
            case StudyImageLayer.Overlay when !pair:
                return await HeatAsync(item.Map, slice, cancellationToken);
            case StudyImageLayer.Left when pair:
                return await HeatAsync(assignment.SwapSides ? item.SecondMap! : item.Map, slice, cancellationToken);
            case StudyImageLayer.Right when pair:
                return await HeatAsync(assignment.SwapSides ? item.Map : item.SecondMap!, slice, cancellationToken);
            default:
                return null;
        }
    }

    private async Task<byte[]> HeatAsync(StoredAttribution map, Slice slice, CancellationToken cancellationToken)
    {
        var bytes = await store.ReadAsync(map.ValuesPath, cancellationToken);
        var values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(float));
        return SaliencyLayers.RenderHeatPng(new AttributionMap(values, map.Channels, map.Height, map.Width), slice.Width, slice.Height,
            new SaliencyRenderOptions(Opacity: 1));
    }
}
