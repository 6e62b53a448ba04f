using MudBlazor;

namespace XaiLab.Web.Components.Shared;

/// <summary>One colour per dataset or run status, the same on every page.</summary>
public static class StatusColors
{
    public static Color Of(string status) => status switch
    {
        "ready" or "succeeded" => Color.Success,
        "failed" => Color.Error,
        "running" or "importing" => Color.Info,
        "cancelled" => Color.Warning,
        _ => Color.Default,
    };
}
