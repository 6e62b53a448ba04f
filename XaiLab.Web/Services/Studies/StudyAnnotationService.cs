using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Web.Services.Studies;

/// <summary>
/// The annotator's side of a study, always scoped to one annotator's own assignments. Everything it returns is blinded:
/// items are known by their presentation token only, and images are served through <see cref="StudyItemImages"/>
/// under that token. Methods return null when the annotator has no assignment in the study.
/// </summary>
public sealed class StudyAnnotationService(IDbContextFactory<XaiLabDbContext> contexts, TimeProvider time, IAuditLog audit)
{
    public const int MaxCommentLength = 2000;

    public async Task<AnnotatorStudyResponse?> GetAsync(int studyId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var study = await db.Studies.AsNoTracking().FirstOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null) return null;
        var (done, total) = await CountAsync(db, studyId, userId, cancellationToken);
        return total == 0 ? null : new AnnotatorStudyResponse(study.Id, study.Title, study.Question, study.ScalePoints, study.AskClick,
            study.Status, done, total);
    }

    /// <summary>The annotator's first unrated presentation in their order, or <c>Complete</c> when none is left.</summary>
    public async Task<NextStudyItemResponse?> NextAsync(int studyId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var study = await db.Studies.AsNoTracking().FirstOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null) return null;
        var (done, total) = await CountAsync(db, studyId, userId, cancellationToken);
        if (total == 0) return null;
        var next = await Mine(db, studyId, userId).Where(a => a.Rating == null).OrderBy(a => a.Position)
            .FirstOrDefaultAsync(cancellationToken);
        var task = next is null ? null : await ShowAsync(db, next, cancellationToken);
        return new NextStudyItemResponse(study.Id, study.Question, study.ScalePoints, study.AskClick, done, total, next is null, task);
    }

    /// <summary>The annotator's presentation at <paramref name="position"/> (to go back to it), with their earlier answer.</summary>
    public async Task<StudyTaskResponse?> AtAsync(int studyId, string userId, int position, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assignment = await Mine(db, studyId, userId).FirstOrDefaultAsync(a => a.Position == position, cancellationToken);
        return assignment is null ? null : await ShowAsync(db, assignment, cancellationToken);
    }

    /// <summary>Stores (or replaces) the annotator's answer; null when the token is not one of theirs in this study.</summary>
    public async Task<StudyProgressResponse?> RateAsync(int studyId, string userId, RateStudyItemRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = (request.Token ?? string.Empty).Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var study = await db.Studies.AsNoTracking().FirstOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null) return null;
        var assignment = await Mine(db, studyId, userId).Include(a => a.Item).Include(a => a.Rating)
            .FirstOrDefaultAsync(a => a.Token == token, cancellationToken);
        if (assignment is null) return null;
        if (study.Status != StudyStatus.Open) throw new RequestValidationException("The study is closed; ratings can no longer change.", conflict: true);

        int? value = null;
        PairChoice? choice = null;
        if (assignment.Item!.Kind == StudyItemKind.Single)
        {
            if (request.Value is not { } v || v < 1 || v > study.ScalePoints)
            {
                throw new RequestValidationException($"value must be between 1 and {study.ScalePoints}.");
            }
            if (request.Choice is not null) throw new RequestValidationException("choice is for pair items only.");
            value = v;
        }
        else
        {
            var left = (request.Choice ?? string.Empty).Trim().ToLowerInvariant() switch
            {
                "left" => true,
                "right" => false,
                _ => throw new RequestValidationException("choice must be \"left\" or \"right\"."),
            };
            if (request.Value is not null) throw new RequestValidationException("value is for single items only.");
            // Left shows A unless the sides were swapped for this presentation.
            choice = left != assignment.SwapSides ? PairChoice.A : PairChoice.B;
        }
        if ((request.ClickX is null) != (request.ClickY is null)) throw new RequestValidationException("clickX and clickY come together.");
        if (request.ClickX is { } x && request.ClickY is { } y)
        {
            if (!study.AskClick) throw new RequestValidationException("This study does not ask for a click point.");
            if (!(x is >= 0 and <= 1) || !(y is >= 0 and <= 1)) throw new RequestValidationException("clickX and clickY must lie in 0..1.");
        }
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (comment is { Length: > MaxCommentLength }) throw new RequestValidationException($"comment must be at most {MaxCommentLength} characters.");

        var now = time.GetUtcNow();
        var rating = assignment.Rating;
        if (rating is null)
        {
            rating = new SaliencyRating { AssignmentId = assignment.Id, CreatedAt = now };
            db.SaliencyRatings.Add(rating);
        }
        rating.Value = value;
        rating.Choice = choice;
        rating.ClickX = request.ClickX;
        rating.ClickY = request.ClickY;
        rating.Comment = comment;
        rating.UpdatedAt = now;
        assignment.ShownAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        // The study and the opaque token only: the audit trail must not unblind what was rated.
        await audit.RecordAsync(AuditActions.Rating, "study", studyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"item {request.Token}", cancellationToken);
        var (done, total) = await CountAsync(db, studyId, userId, cancellationToken);
        return new StudyProgressResponse(done, total, done == total);
    }

    private static IQueryable<StudyAssignment> Mine(XaiLabDbContext db, int studyId, string userId) =>
        db.StudyAssignments.Where(a => a.StudyId == studyId && a.AnnotatorUserId == userId);

    private static async Task<(int Done, int Total)> CountAsync(XaiLabDbContext db, int studyId, string userId, CancellationToken cancellationToken)
    {
        var counts = await Mine(db, studyId, userId).GroupBy(_ => 1)
            .Select(g => new { Done = g.Count(a => a.Rating != null), Total = g.Count() })
            .FirstOrDefaultAsync(cancellationToken);
        return counts is null ? (0, 0) : (counts.Done, counts.Total);
    }

    private async Task<StudyTaskResponse> ShowAsync(XaiLabDbContext db, StudyAssignment assignment, CancellationToken cancellationToken)
    {
        var loaded = await db.StudyAssignments.Include(a => a.Item).Include(a => a.Rating)
            .FirstAsync(a => a.Id == assignment.Id, cancellationToken);
        if (loaded.ShownAt is null)
        {
            loaded.ShownAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        var root = $"/api/studies/{loaded.StudyId}/items/{loaded.Token}";
        var pair = loaded.Item!.Kind == StudyItemKind.Pair;
        IReadOnlyList<string> overlays = pair ? [$"{root}/left.png", $"{root}/right.png"] : [$"{root}/overlay.png"];
        var rating = loaded.Rating is { } r
            ? new StudyTaskRatingResponse(r.Value, r.Choice is { } c ? ((c == PairChoice.A) != loaded.SwapSides ? "left" : "right") : null,
                r.ClickX, r.ClickY, r.Comment)
            : null;
        return new StudyTaskResponse(loaded.Token, loaded.Position, loaded.Item.Kind,
            $"{root}/image.png", $"{root}/mask.png", overlays, rating);
    }
}
