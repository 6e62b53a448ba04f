using XaiLab.Data.Entities;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// One item as the annotator sees it. Blinded: <see cref="Token"/> is random and the image URLs are built from it, so
/// nothing here names the item, slice, run, model or method.
/// </summary>
/// <param name="Token">Opaque id of this presentation; send it back with the rating.</param>
/// <param name="Position">0-based place in the annotator's order.</param>
/// <param name="Kind">"single" (rate on the scale) or "pair" (choose left or right).</param>
/// <param name="ImageUrl">The gray slice.</param>
/// <param name="MaskUrl">The expert mask's contour on a transparent background.</param>
/// <param name="OverlayUrls">The saliency layer(s), transparent where unimportant: one for a single item, left then
/// right for a pair; shown over the slice at the viewer's opacity.</param>
/// <param name="Rating">The annotator's earlier answer, when going back to an item.</param>
public sealed record StudyTaskResponse(
    string Token,
    int Position,
    StudyItemKind Kind,
    string ImageUrl,
    string MaskUrl,
    IReadOnlyList<string> OverlayUrls,
    StudyTaskRatingResponse? Rating);
