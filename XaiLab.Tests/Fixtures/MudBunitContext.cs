using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// Base of component tests: bUnit with MudBlazor's services and loose JS interop (MudBlazor and Plotly call JS we don't
/// assert on). Disposed asynchronously, as MudBlazor's services require.
/// </summary>
public abstract class MudBunitContext : IAsyncLifetime
{
    protected MudBunitContext()
    {
        // Pages read SQLite asynchronously; on a loaded CI machine that takes longer than bUnit's 1 s default.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    protected BunitContext Context { get; } = new();

    protected IServiceCollection Services => Context.Services;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
