using MudBlazor;
using XaiLab.Data.Entities;
using XaiLab.Web.Services.Attributions;

namespace XaiLab.Web.Components.Shared;

/// <summary>One colour per status, the same on every page: done green, failed red, under way blue, stopped amber.</summary>
public static class StatusColors
{
    public static Color Of(RunStatus status) => status switch
    {
        RunStatus.Succeeded => Color.Success,
        RunStatus.Failed => Color.Error,
        RunStatus.Running => Color.Info,
        RunStatus.Cancelled => Color.Warning,
        _ => Color.Default,
    };

    public static Color Of(DatasetStatus status) => status switch
    {
        DatasetStatus.Ready => Color.Success,
        DatasetStatus.Failed => Color.Error,
        DatasetStatus.Importing => Color.Info,
        _ => Color.Default,
    };

    public static Color Of(AttributionRequestStatus status) => status switch
    {
        AttributionRequestStatus.Succeeded => Color.Success,
        AttributionRequestStatus.Failed => Color.Error,
        AttributionRequestStatus.Running => Color.Info,
        AttributionRequestStatus.Cancelled => Color.Warning,
        _ => Color.Default,
    };

    public static Color Of(EmbeddingStatus status) => status switch
    {
        EmbeddingStatus.Succeeded => Color.Success,
        EmbeddingStatus.Failed => Color.Error,
        EmbeddingStatus.Running => Color.Info,
        _ => Color.Default,
    };

    public static Color Of(SanityCheckStatus status) => status switch
    {
        SanityCheckStatus.Succeeded => Color.Success,
        SanityCheckStatus.Failed => Color.Error,
        SanityCheckStatus.Running => Color.Info,
        _ => Color.Default,
    };

    public static Color Of(StudyStatus status) => status == StudyStatus.Open ? Color.Info : Color.Default;
}
