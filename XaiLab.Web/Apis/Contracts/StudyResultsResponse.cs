using XaiLab.Data.Entities;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// What a study found (researchers only). Means, agreement and correlations are over the first presentation of every
/// non-gold item; repeats feed <see cref="AnnotatorResultResponse"/>'s consistency, gold items its accuracy. Statistics
/// that are undefined for the data (too few items, no variation) are null.
/// </summary>
/// <param name="MethodModels">Mean Likert rating per method x model (run) with a 95% percentile bootstrap interval.</param>
/// <param name="Agreement">Inter-rater agreement on the Likert items.</param>
/// <param name="PairAgreement">Inter-rater agreement on the A/B choices (nominal); null without pair items.</param>
/// <param name="Preferences">How often each method x model won its A/B comparisons.</param>
/// <param name="Annotators">Progress, gold accuracy and repeat consistency per annotator.</param>
/// <param name="Correlations">Spearman's rho of each map's mean rating with its automatic mask scores.</param>
public sealed record StudyResultsResponse(
    int StudyId,
    string Title,
    StudyStatus Status,
    int ScalePoints,
    int Ratings,
    IReadOnlyList<MethodModelRatingResponse> MethodModels,
    StudyAgreementResponse Agreement,
    StudyAgreementResponse? PairAgreement,
    IReadOnlyList<PairPreferenceResponse> Preferences,
    IReadOnlyList<AnnotatorResultResponse> Annotators,
    IReadOnlyList<ScoreCorrelationResponse> Correlations);
