using Bunit;
using MudBlazor;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// MudBlazor's message boxes in a bUnit context: <see cref="Render"/> puts the dialog provider the layout has in the app
/// next to the page, <see cref="Confirm"/> waits for the box, checks its text and presses its yes button.
/// </summary>
public static class ConfirmationDialogs
{
    public static IRenderedComponent<MudDialogProvider> Render(BunitContext context) => context.Render<MudDialogProvider>();

    /// <summary>Waits for a message box containing <paramref name="expected"/> and presses <paramref name="yes"/>; returns its text.</summary>
    public static string Confirm(IRenderedComponent<MudDialogProvider> dialogs, string expected, string yes = "Delete")
    {
        dialogs.WaitForAssertion(() => Assert.Contains(expected, dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        var text = dialogs.Find(".mud-dialog").TextContent;
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == yes).Click();
        return text;
    }
}
