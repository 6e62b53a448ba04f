using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Evaluation.Agreement;
using XaiLab.Engine.Evaluation.Saliency;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Studies;

/// <summary>
/// A study's results (researchers only; unblinded). Means, agreement, preferences and correlations use the first
/// presentation of every non-gold item; repeated presentations feed the intra-rater consistency and gold items the
/// per-annotator accuracy. Means carry a 95% percentile bootstrap interval (2,000 resamples, seeded with the study seed)
/// over the individual ratings.
/// </summary>
public sealed class StudyResultsService(IDbContextFactory<XaiLabDbContext> contexts, TeamAccess access)
{
    /// <summary>The automatic mask scores that ratings are correlated with, as the scorecard names them.</summary>
    internal static readonly IReadOnlyList<(string Name, Func<StoredAttribution, double?> Value)> Scores =
    [
        ("relevanceMass", a => a.RelevanceMass),
        ("relevanceRank", a => a.RelevanceRank),
        ("pointingGame", a => a.PointingGame is { } hit ? hit ? 1 : 0 : null),
        ("iouTop10", a => a.IouTop10),
        ("iouTop30", a => a.IouTop30),
        ("diceTop30", a => a.DiceTop30),
        ("auc", a => a.Auc),
        ("deletionAuc", a => a.DeletionAuc),
        ("insertionAuc", a => a.InsertionAuc),
    ];

    public async Task<StudyResultsResponse?> GetAsync(int studyId, CancellationToken cancellationToken = default)
    {
        var data = await LoadAsync(studyId, cancellationToken);
        if (data is null) return null;
        var (study, rows) = data.Value;
        var annotators = rows.OrderBy(r => r.Assignment.Id).Select(r => r.Assignment.AnnotatorUserId).Distinct().ToList();
        var first = rows.Where(r => !r.Assignment.IsRepeat && !r.Item.IsGold && r.Rating is not null).ToList();
        var likert = first.Where(r => r.Item.Kind == StudyItemKind.Single).ToList();
        var pairs = first.Where(r => r.Item.Kind == StudyItemKind.Pair).ToList();

        var methodModels = likert.GroupBy(r => (r.Item.Map!.Method, r.Item.Map.RunId))
            .OrderBy(g => g.Key.Method, StringComparer.Ordinal).ThenBy(g => g.Key.RunId)
            .Select(g =>
            {
                var interval = BootstrapInterval.OfMean(g.Select(r => (double)r.Rating!.Value!.Value), seed: study.Seed);
                return new MethodModelRatingResponse(g.Key.Method, g.Key.RunId, g.First().Item.Map!.Run!.Architecture,
                    g.Select(r => r.Item.Id).Distinct().Count(), g.Count(), interval.Mean, interval.Lower, interval.Upper);
            })
            .ToList();

        var agreement = Agreement(likert, annotators, r => r.Rating!.Value!.Value, 1, study.ScalePoints);
        var pairAgreement = pairs.Count == 0 ? null : Agreement(pairs, annotators, r => r.Rating!.Choice == PairChoice.A ? 1 : 2, 1, 2);

        var preferences = pairs
            .SelectMany(r => new[]
            {
                (Map: r.Item.Map!, Won: r.Rating!.Choice == PairChoice.A),
                (Map: r.Item.SecondMap!, Won: r.Rating!.Choice == PairChoice.B),
            })
            .GroupBy(p => (p.Map.Method, p.Map.RunId))
            .OrderBy(g => g.Key.Method, StringComparer.Ordinal).ThenBy(g => g.Key.RunId)
            .Select(g => new PairPreferenceResponse(g.Key.Method, g.Key.RunId, g.First().Map.Run!.Architecture, g.Count(),
                g.Count(p => p.Won), g.Count(p => p.Won) / (double)g.Count()))
            .ToList();

        var annotatorResults = annotators.Select(a => AnnotatorResult(a, rows.Where(r => r.Assignment.AnnotatorUserId == a).ToList(), study.ScalePoints)).ToList();

        var perMap = likert.GroupBy(r => r.Item.Map!.Id).Select(g => (Map: g.First().Item.Map!, Mean: g.Average(r => r.Rating!.Value!.Value))).ToList();
        var correlations = Scores.Select(score =>
        {
            var withScore = perMap.Where(m => score.Value(m.Map) is not null).ToList();
            var result = ScoreCorrelation.Compute([.. withScore.Select(m => m.Mean)], [.. withScore.Select(m => score.Value(m.Map)!.Value)]);
            return new ScoreCorrelationResponse(score.Name, result.Count, Finite(result.Rho), Finite(result.Lower), Finite(result.Upper));
        }).ToList();

        return new StudyResultsResponse(study.Id, study.Title, study.Status, study.ScalePoints,
            rows.Count(r => r.Rating is not null), methodModels, agreement, pairAgreement, preferences, annotatorResults, correlations);
    }

    /// <summary>Every rated presentation as CSV (see <see cref="StudyRatingsCsv"/>); null when there is no such study.</summary>
    public async Task<string?> CsvAsync(int studyId, CancellationToken cancellationToken = default)
    {
        var data = await LoadAsync(studyId, cancellationToken);
        return data is null ? null : StudyRatingsCsv.Write(studyId, data.Value.Rows);
    }

    /// <summary>Every presentation with its item unblinded and its rating, if any, ordered by annotator and position.</summary>
    internal async Task<(Study Study, List<StudyRow> Rows)?> LoadAsync(int studyId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The caller's teams only: another team's study does not exist for them.
        var study = await db.Studies.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null) return null;
        var assignments = await db.StudyAssignments.AsNoTracking().Where(a => a.StudyId == studyId)
            .Include(a => a.Rating)
            .Include(a => a.Item).ThenInclude(i => i!.Map).ThenInclude(m => m!.Run)
            .Include(a => a.Item).ThenInclude(i => i!.SecondMap).ThenInclude(m => m!.Run)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return (study, assignments.Select(a => new StudyRow(a, a.Item!, a.Rating)).ToList());
    }

    private static StudyAgreementResponse Agreement(List<StudyRow> rows, List<string> annotators, Func<StudyRow, int> value, int minimum, int maximum)
    {
        var items = rows.GroupBy(r => r.Item.Id).OrderBy(g => g.Key)
            .Select(g => annotators.Select(a => g.FirstOrDefault(r => r.Assignment.AnnotatorUserId == a) is { } r ? (int?)value(r) : null).ToArray())
            .ToList();
        IReadOnlyList<IReadOnlyList<double?>> units = [.. items.Select(i => (IReadOnlyList<double?>)[.. i.Select(v => (double?)v)])];
        var complete = items.Where(i => i.All(v => v is not null)).ToList();
        var fleiss = annotators.Count >= 2 && complete.Count > 0
            ? FleissKappa.Compute([.. complete.Select(i => (IReadOnlyList<int>)[.. Enumerable.Range(minimum, maximum - minimum + 1).Select(c => i.Count(v => v == c))])])
            : double.NaN;
        var cohen = new List<RaterPairKappaResponse>();
        for (var a = 0; a < annotators.Count; a++)
        {
            for (var b = a + 1; b < annotators.Count; b++)
            {
                var both = items.Where(i => i[a] is not null && i[b] is not null).ToList();
                if (both.Count < 2)
                {
                    cohen.Add(new RaterPairKappaResponse(annotators[a], annotators[b], both.Count, null, null, null));
                    continue;
                }
                int[] first = [.. both.Select(i => i[a]!.Value)];
                int[] second = [.. both.Select(i => i[b]!.Value)];
                cohen.Add(new RaterPairKappaResponse(annotators[a], annotators[b], both.Count,
                    Finite(CohenKappa.FromRatings(first, second, minimum, maximum)),
                    Finite(CohenKappa.FromRatings(first, second, minimum, maximum, KappaWeighting.Linear)),
                    Finite(CohenKappa.FromRatings(first, second, minimum, maximum, KappaWeighting.Quadratic))));
            }
        }
        return new StudyAgreementResponse(items.Count, annotators.Count,
            Finite(KrippendorffAlpha.Compute(units, AgreementLevel.Nominal)),
            Finite(KrippendorffAlpha.Compute(units, AgreementLevel.Ordinal)),
            Finite(KrippendorffAlpha.Compute(units, AgreementLevel.Interval)),
            Finite(fleiss), complete.Count, cohen);
    }

    private static AnnotatorResultResponse AnnotatorResult(string userId, List<StudyRow> rows, int points)
    {
        var rated = rows.Where(r => r.Rating is not null).ToList();
        var goldLikert = GoldAccuracy.Compute([.. rated.Where(r => r.Item.IsGold && r.Item.Kind == StudyItemKind.Single)
            .Select(r => (r.Rating!.Value!.Value, r.Item.ExpectedValue!.Value))]);
        var goldPairs = GoldAccuracy.Compute([.. rated.Where(r => r.Item.IsGold && r.Item.Kind == StudyItemKind.Pair)
            .Select(r => ((int)r.Rating!.Choice!.Value, (int)r.Item.ExpectedChoice!.Value))], tolerance: 0);
        var goldItems = goldLikert.Items + goldPairs.Items;
        var within = goldItems == 0 ? double.NaN
            : ((goldLikert.Items > 0 ? goldLikert.WithinTolerance * goldLikert.Items : 0) + (goldPairs.Items > 0 ? goldPairs.WithinTolerance * goldPairs.Items : 0)) / goldItems;
        var repeatPairs = rated.Where(r => r.Assignment.IsRepeat && r.Item.Kind == StudyItemKind.Single)
            .Select(r => (Repeat: r, First: rated.FirstOrDefault(f => !f.Assignment.IsRepeat && f.Item.Id == r.Item.Id)))
            .Where(p => p.First is not null)
            .Select(p => (p.First!.Rating!.Value!.Value, p.Repeat.Rating!.Value!.Value))
            .ToList();
        var repeat = RepeatConsistency.Compute(repeatPairs, 1, points);
        var repeatedChoices = rated.Where(r => r.Assignment.IsRepeat && r.Item.Kind == StudyItemKind.Pair)
            .Select(r => (Repeat: r, First: rated.FirstOrDefault(f => !f.Assignment.IsRepeat && f.Item.Id == r.Item.Id)))
            .Where(p => p.First is not null)
            .Select(p => p.First!.Rating!.Choice == p.Repeat.Rating!.Choice)
            .ToList();
        var repeats = repeat.Pairs + repeatedChoices.Count;
        double? exact = repeats == 0 ? null
            : ((repeat.Pairs > 0 ? repeat.ExactAgreement * repeat.Pairs : 0) + repeatedChoices.Count(same => same)) / repeats;
        return new AnnotatorResultResponse(userId, rated.Count, rows.Count, goldItems, goldLikert.Correct + goldPairs.Correct,
            goldItems == 0 ? null : (goldLikert.Correct + goldPairs.Correct) / (double)goldItems, Finite(within),
            repeats, exact, Finite(repeat.MeanAbsoluteDifference), Finite(repeat.WeightedKappa));
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
