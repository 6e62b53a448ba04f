using System.Net;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Compute;

/// <summary>
/// The app runs in Production from its build output (as the README's run command now does): Blazor's script and
/// MudBlazor's files are served, and an error never shows a developer exception page.
/// </summary>
public sealed class ProductionModeTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("xailab-production-").FullName;

    [Fact]
    public async Task BuildOutput_InProduction_ServesTheFrameworkAndPackageFiles()
    {
        using var app = await WebAppProcess.StartAsync(dataDirectory, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["XaiLab__Compute__LocalWorkers"] = "0",
        });

        foreach (var path in new[] { "/_framework/blazor.web.js", "/_content/MudBlazor/MudBlazor.min.css", "/_content/MudBlazor/MudBlazor.min.js" })
        {
            var response = await app.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
        var signIn = await app.Client.GetStringAsync("/account/signin");
        Assert.Contains("_framework/blazor.web.js", signIn);

        var bad = await app.Client.PostAsync("/api/runs", new StringContent("{\"datasetId\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.DoesNotContain("Exception", await bad.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment.
        }
    }
}
