using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace XaiLab.Tests.Fixtures;

/// <summary>bUnit with MudBlazor's services and loose JS interop (MudBlazor and Plotly call JS we don't assert on).</summary>
public class MudBunitContext : BunitContext
{
    public MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
