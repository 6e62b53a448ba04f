namespace XaiLab.Web.Services.Studies;

/// <summary>One place in an annotator's order: the item (by its index in the study), whether it is the repeated showing,
/// and for pairs whether B is shown on the left.</summary>
public sealed record ScheduledPresentation(int ItemIndex, bool IsRepeat, bool SwapSides);
