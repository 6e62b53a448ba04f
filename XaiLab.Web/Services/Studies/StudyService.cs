using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Studies;

/// <summary>
/// Creates, lists, reads (unblinded, for researchers) and closes studies. Creating one resolves the maps, builds the items
/// (single, pair and gold) and every annotator's seeded order (<see cref="StudySchedule"/>) in one transaction.
/// </summary>
public sealed class StudyService(IDbContextFactory<XaiLabDbContext> contexts, TimeProvider time, TeamAccess access)
{
    public const int MinScalePoints = 2;
    public const int MaxScalePoints = 9;
    public const int MaxItems = 2000;
    public const int MaxAnnotators = 100;

    public async Task<int> CreateAsync(CreateStudyRequest request, string? createdByUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var title = (request.Title ?? string.Empty).Trim();
        var question = (request.Question ?? string.Empty).Trim();
        if (title.Length is 0 or > 200) throw new RequestValidationException("title must be 1 to 200 characters.");
        if (question.Length is 0 or > 1000) throw new RequestValidationException("question must be 1 to 1000 characters.");
        var points = request.ScalePoints ?? 5;
        if (points is < MinScalePoints or > MaxScalePoints)
        {
            throw new RequestValidationException($"scalePoints must be between {MinScalePoints} and {MaxScalePoints}.");
        }
        var annotators = (request.AnnotatorUserIds ?? []).Select(a => (a ?? string.Empty).Trim()).Where(a => a.Length > 0)
            .Distinct(StringComparer.Ordinal).ToList();
        if (annotators.Count == 0) throw new RequestValidationException("annotatorUserIds must name at least one annotator.");
        if (annotators.Count > MaxAnnotators) throw new RequestValidationException($"A study takes at most {MaxAnnotators} annotators.");
        if (annotators.Any(a => a.Length > 450)) throw new RequestValidationException("An annotator user id is longer than 450 characters.");
        var repeats = request.Repeats ?? 0;
        if (repeats < 0) throw new RequestValidationException("repeats must not be negative.");

        var items = new List<StudyItem>();
        foreach (var mapId in (request.MapIds ?? []).Distinct())
        {
            items.Add(new StudyItem { Kind = StudyItemKind.Single, MapId = mapId });
        }
        foreach (var pair in request.Pairs ?? [])
        {
            if (pair.MapIdA == pair.MapIdB) throw new RequestValidationException($"Pair ({pair.MapIdA}, {pair.MapIdB}) compares a map with itself.");
            items.Add(new StudyItem { Kind = StudyItemKind.Pair, MapId = pair.MapIdA, SecondMapId = pair.MapIdB });
        }
        foreach (var gold in request.Gold ?? [])
        {
            items.Add(GoldItem(gold, points));
        }
        if (items.Count(i => !i.IsGold) == 0) throw new RequestValidationException("A study needs at least one map or pair to rate.");
        if (items.Count > MaxItems) throw new RequestValidationException($"A study takes at most {MaxItems} items.");

        var teamId = request.TeamId ?? (access.User.TeamIds.Count > 0 ? access.User.TeamIds[0] : throw new RequestValidationException("You belong to no team."));
        if (!access.User.TeamIds.Contains(teamId)) throw new RequestValidationException($"Team {teamId} does not exist.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mapIds = items.SelectMany(i => i.SecondMapId is { } b ? new[] { i.MapId, b } : [i.MapId]).Distinct().ToList();
        // Only the team's maps: another team's map ids are reported as not existing.
        var maps = await db.StoredAttributions.AsNoTracking().Where(a => mapIds.Contains(a.Id) && a.Run!.TeamId == teamId)
            .Select(a => new { a.Id, a.SliceId }).ToDictionaryAsync(a => a.Id, a => a.SliceId, cancellationToken);
        var missing = mapIds.FirstOrDefault(id => !maps.ContainsKey(id), -1);
        if (missing >= 0) throw new RequestValidationException($"Map {missing} does not exist.");
        var mismatched = items.FirstOrDefault(i => i.SecondMapId is { } b && maps[i.MapId] != maps[b]);
        if (mismatched is not null)
        {
            throw new RequestValidationException($"Pair ({mismatched.MapId}, {mismatched.SecondMapId}) shows two different slices; a pair compares maps of one slice.");
        }
        await RequireRatersAsync(db, teamId, annotators, cancellationToken);

        var study = new Study
        {
            TeamId = teamId,
            Title = title,
            Question = question,
            ScalePoints = points,
            AskClick = request.AskClick ?? false,
            Seed = request.Seed ?? 1,
            Status = StudyStatus.Open,
            CreatedByUserId = createdByUserId,
            CreatedAt = time.GetUtcNow(),
            Items = items,
        };
        var goldFlags = items.Select(i => i.IsGold).ToList();
        for (var a = 0; a < annotators.Count; a++)
        {
            var schedule = StudySchedule.For(goldFlags, repeats, study.Seed, a);
            for (var position = 0; position < schedule.Count; position++)
            {
                var presentation = schedule[position];
                var item = items[presentation.ItemIndex];
                study.Assignments.Add(new StudyAssignment
                {
                    AnnotatorUserId = annotators[a],
                    Item = item,
                    Position = position,
                    IsRepeat = presentation.IsRepeat,
                    SwapSides = item.Kind == StudyItemKind.Pair && presentation.SwapSides,
                    Token = RandomNumberGenerator.GetHexString(32, lowercase: true),
                });
            }
        }
        db.Studies.Add(study);
        await db.SaveChangesAsync(cancellationToken);
        return study.Id;
    }

    private static StudyItem GoldItem(GoldItemRequest gold, int points)
    {
        if (gold.SecondMapId is { } second)
        {
            if (second == gold.MapId) throw new RequestValidationException($"Gold pair ({gold.MapId}, {second}) compares a map with itself.");
            var choice = (gold.ExpectedChoice ?? string.Empty).Trim().ToLowerInvariant() switch
            {
                "a" => PairChoice.A,
                "b" => PairChoice.B,
                _ => throw new RequestValidationException($"Gold pair ({gold.MapId}, {second}) needs expectedChoice \"a\" or \"b\"."),
            };
            return new StudyItem { Kind = StudyItemKind.Pair, MapId = gold.MapId, SecondMapId = second, IsGold = true, ExpectedChoice = choice };
        }
        if (gold.ExpectedValue is not { } value || value < 1 || value > points)
        {
            throw new RequestValidationException($"Gold map {gold.MapId} needs expectedValue between 1 and {points}.");
        }
        return new StudyItem { Kind = StudyItemKind.Single, MapId = gold.MapId, IsGold = true, ExpectedValue = value };
    }

    /// <summary>The study with its items named (run, model, method): for researchers only.</summary>
    public async Task<StudyResponse?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var study = await db.Studies.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (study is null) return null;
        var items = await db.StudyItems.AsNoTracking().Where(i => i.StudyId == id).OrderBy(i => i.Id)
            .Include(i => i.Map).ThenInclude(m => m!.Run)
            .Include(i => i.SecondMap).ThenInclude(m => m!.Run)
            .ToListAsync(cancellationToken);
        var progress = await ProgressAsync(db, id, cancellationToken);
        return new StudyResponse(study.Id, study.Title, study.Question, study.ScalePoints, study.AskClick, study.Status,
            study.CreatedByUserId, study.CreatedAt, study.ClosedAt,
            items.Select(i => new StudyItemResponse(i.Id, i.Kind, i.Map!.SliceId, Map(i.Map), i.SecondMap is null ? null : Map(i.SecondMap),
                i.IsGold, i.ExpectedValue, i.ExpectedChoice?.ToString().ToLowerInvariant())).ToList(),
            progress);
    }

    /// <summary>The newest stored maps (at most <paramref name="limit"/>), for the create page to pick from.</summary>
    public async Task<IReadOnlyList<StudyMapChoice>> MapChoicesAsync(int limit = 2000, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StoredAttributions.AsNoTracking().VisibleTo(access).OrderByDescending(a => a.Id).Take(limit)
            .OrderBy(a => a.SliceId).ThenBy(a => a.RunId).ThenBy(a => a.Method)
            .Select(a => new StudyMapChoice(a.Id, a.RunId, a.Run!.Architecture, a.Method, a.SliceId, a.Parameters))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every study, newest first (researchers).</summary>
    public async Task<IReadOnlyList<StudySummaryResponse>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Studies.AsNoTracking().VisibleTo(access).OrderByDescending(s => s.Id)
            .Select(s => new StudySummaryResponse(s.Id, s.Title, s.Status,
                s.Items.Count, s.Assignments.Select(a => a.AnnotatorUserId).Distinct().Count(),
                s.Assignments.Count(a => a.Rating != null), s.Assignments.Count, s.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The studies an annotator is assigned to, with their own progress; item counts are theirs, not the study's.</summary>
    public async Task<IReadOnlyList<StudySummaryResponse>> ListForAnnotatorAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Studies.AsNoTracking().Where(s => s.Assignments.Any(a => a.AnnotatorUserId == userId)).OrderByDescending(s => s.Id)
            .Select(s => new StudySummaryResponse(s.Id, s.Title, s.Status,
                s.Assignments.Count(a => a.AnnotatorUserId == userId), 1,
                s.Assignments.Count(a => a.AnnotatorUserId == userId && a.Rating != null),
                s.Assignments.Count(a => a.AnnotatorUserId == userId), s.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends rating and lifts the blinding; closing a closed study changes nothing.</summary>
    /// <exception cref="RequestValidationException">Not found (404) when the caller sees no such study.</exception>
    public async Task CloseAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var study = await db.Studies.VisibleTo(access).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Study {id} does not exist.");
        if (study.Status == StudyStatus.Open)
        {
            study.Status = StudyStatus.Closed;
            study.ClosedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    internal static async Task<List<AnnotatorProgressResponse>> ProgressAsync(XaiLabDbContext db, int studyId, CancellationToken cancellationToken)
    {
        var rows = await db.StudyAssignments.AsNoTracking().Where(a => a.StudyId == studyId)
            .GroupBy(a => a.AnnotatorUserId)
            .Select(g => new { UserId = g.Key, Done = g.Count(a => a.Rating != null), Total = g.Count(), First = g.Min(a => a.Id) })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.First).Select(r => new AnnotatorProgressResponse(r.UserId, r.Done, r.Total)).ToList();
    }





    private static StudyMapResponse Map(StoredAttribution map) => new(map.Id, map.RunId, map.Run!.Architecture, map.Method);

    /// <summary>
    /// Every annotator must be a user of the study's team who may rate (an Annotator, Researcher or Admin; a Viewer only
    /// reads): ids of unknown users, of other teams' members and of Viewers are refused, naming them.
    /// </summary>
    private static async Task RequireRatersAsync(XaiLabDbContext db, int teamId, IReadOnlyList<string> annotators, CancellationToken cancellationToken)
    {
        var members = await db.TeamMemberships.Where(m => m.TeamId == teamId && annotators.Contains(m.UserId))
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        var notMembers = annotators.Except(members).ToList();
        if (notMembers.Count > 0)
        {
            throw new RequestValidationException($"annotatorUserIds: {string.Join(", ", notMembers.Take(5))} {(notMembers.Count == 1 ? "is" : "are")} not a user of team {teamId}.");
        }
        var raters = await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where annotators.Contains(userRole.UserId) && role.Name != XaiLabRoles.Viewer
                            select userRole.UserId).Distinct().ToListAsync(cancellationToken);
        var readers = annotators.Except(raters).ToList();
        if (readers.Count > 0)
        {
            throw new RequestValidationException($"annotatorUserIds: {string.Join(", ", readers.Take(5))} may not rate (a Viewer only reads; make them an Annotator).");
        }
    }
}
