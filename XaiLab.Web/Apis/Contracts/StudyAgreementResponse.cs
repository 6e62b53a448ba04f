namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// Inter-rater agreement: Krippendorff's alpha at three levels over every item with two or more ratings, Fleiss' kappa
/// over the items every annotator rated (<see cref="FleissItems"/>), and Cohen's kappa per pair of annotators.
/// </summary>
public sealed record StudyAgreementResponse(
    int Items,
    int Raters,
    double? AlphaNominal,
    double? AlphaOrdinal,
    double? AlphaInterval,
    double? FleissKappa,
    int FleissItems,
    IReadOnlyList<RaterPairKappaResponse> CohenPairs);
