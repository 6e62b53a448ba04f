namespace XaiLab.Web.Apis.Contracts;

/// <summary>A new blinded rating study.</summary>
/// <param name="Title">Shown to annotators; required (keep it free of model and method names).</param>
/// <param name="Question">Asked with every item; required.</param>
/// <param name="ScalePoints">Likert points 2..9; default 5.</param>
/// <param name="AskClick">Let annotators click where they see the evidence; default false.</param>
/// <param name="MapIds">Stored attribution maps to rate one at a time.</param>
/// <param name="Pairs">Pairs of maps of the same slice for A/B preference.</param>
/// <param name="AnnotatorUserIds">Identity user ids of the annotators; at least one.</param>
/// <param name="Repeats">Items each annotator sees a second time, later in their order (intra-rater consistency); default 0.</param>
/// <param name="Gold">Quality-control items with an expected answer, added to every annotator's order.</param>
/// <param name="Seed">Seed of the orders; default 1.</param>
/// <param name="TeamId">Team that owns the study (its maps must be the team's); default the caller's first team.</param>
public sealed record CreateStudyRequest(
    string? Title,
    string? Question,
    int? ScalePoints,
    bool? AskClick,
    IReadOnlyList<int>? MapIds,
    IReadOnlyList<StudyPairRequest>? Pairs,
    IReadOnlyList<string>? AnnotatorUserIds,
    int? Repeats,
    IReadOnlyList<GoldItemRequest>? Gold,
    int? Seed,
    int? TeamId = null);
