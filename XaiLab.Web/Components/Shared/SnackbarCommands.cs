using MudBlazor;
using XaiLab.Web.Services;

namespace XaiLab.Web.Components.Shared;

/// <summary>
/// How a page runs a service command (cancel, retry, close, save…): services refuse by throwing
/// <see cref="RequestValidationException"/> (missing, denied, conflicting state), the same exception the APIs turn into
/// problem details; a page shows its message as a warning instead of letting it end the circuit.
/// </summary>
public static class SnackbarCommands
{
    /// <summary>Runs <paramref name="command"/>; true when it went through, false when the service refused (message shown).</summary>
    public static async Task<bool> TryAsync(this ISnackbar snackbar, Func<Task> command)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            await command();
            return true;
        }
        catch (RequestValidationException e)
        {
            snackbar.Add(e.Message, Severity.Warning);
            return false;
        }
    }
}
