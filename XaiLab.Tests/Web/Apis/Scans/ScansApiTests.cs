using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using XaiLab.Tests.Engine.Datasets.Nifti;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Apis.Scans;

/// <summary>
/// Issue 22 item 2 on the real host: a slice's own PNG uploaded to POST /api/runs/{id}/predict gets the probabilities
/// the run stored for that slice (the same preprocessing), with one map per method served while the scan is kept; bad
/// files, unknown methods and volumes without a slice are refused with the reason and leave no scan behind; another
/// team sees neither the run nor the scan.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class ScansApiTests : IDisposable
{
    private readonly XaiLabAppFactory factory = new();

    [Fact]
    public async Task Predict_ASlicesOwnImage_GivesTheStoredProbabilities_AndMapsServedForItsTeamOnly()
    {
        using var client = factory.CreateClient();
        var runId = await TrainAsync(client);
        var prediction = (await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/predictions"))[0];
        var sliceId = prediction.GetProperty("sliceId").GetInt32();
        var png = await client.GetByteArrayAsync($"/api/slices/{sliceId}/image.png");

        using var response = await client.PostAsync($"/api/runs/{runId}/predict", Form(png, "slice.png", ("methods", "grad-cam,vanilla-gradient")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var stored = prediction.GetProperty("probabilities").EnumerateArray().Select(p => p.GetSingle()).ToArray();
        var fresh = answer.GetProperty("probabilities").EnumerateArray().Select(p => p.GetSingle()).ToArray();
        Assert.Equal(stored.Length, fresh.Length);
        for (var i = 0; i < stored.Length; i++)
        {
            Assert.Equal(stored[i], fresh[i], 1e-5);
        }
        Assert.Equal(prediction.GetProperty("predicted").GetString(), answer.GetProperty("predictedClass").GetString());
        Assert.Equal("image", answer.GetProperty("format").GetString());
        var maps = answer.GetProperty("maps").EnumerateArray().ToList();
        Assert.Equal(["grad-cam", "vanilla-gradient"], maps.Select(m => m.GetProperty("method").GetString()));
        foreach (var map in maps)
        {
            Assert.Equal(answer.GetProperty("predicted").GetInt32(), map.GetProperty("target").GetInt32());
            using var overlay = await client.GetAsync(map.GetProperty("url").GetString());
            Assert.Equal("image/png", overlay.Content.Headers.ContentType!.MediaType);
            var raw = await client.GetByteArrayAsync(map.GetProperty("rawUrl").GetString());
            Assert.Equal(4 * map.GetProperty("channels").GetInt32() * map.GetProperty("height").GetInt32() * map.GetProperty("width").GetInt32(), raw.Length);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(answer.GetProperty("imageUrl").GetString())).StatusCode);

        var elsewhere = await factory.CreateTeamAsync("Elsewhere");
        using var stranger = await factory.CreateUserClientAsync(XaiLabRoles.Researcher, elsewhere);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(maps[0].GetProperty("url").GetString())).StatusCode);
        using (var hidden = await stranger.PostAsync($"/api/runs/{runId}/predict", Form(png, "slice.png")))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        using var viewer = await factory.CreateUserClientAsync(XaiLabRoles.Viewer, XaiLab.Data.Entities.Team.DefaultTeamId);
        using (var forbidden = await viewer.PostAsync($"/api/runs/{runId}/predict", Form(png, "slice.png")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        // Refusals name the reason, and no scan folder is left for them.
        var scansBefore = ScanFolders();
        await AssertRefusedAsync(client, runId, Form([1, 2, 3, 4, 5, 6, 7, 8], "notes.txt"), "notes.txt");
        await AssertRefusedAsync(client, runId, Form(png, "slice.png", ("methods", "tea-leaves")), "Unknown attribution method 'tea-leaves'");
        await AssertRefusedAsync(client, runId, Form(NiftiReference.Bytes("n1-le-int16.nii"), "volume.nii"), "say which one with slice (0 to 5)");
        Assert.Equal(scansBefore, ScanFolders());

        // A NIfTI slice, chosen.
        using var nifti = await client.PostAsync($"/api/runs/{runId}/predict", Form(NiftiReference.Bytes("n1-le-int16.nii"), "volume.nii", ("slice", "3"), ("methods", "grad-cam")));
        Assert.Equal(HttpStatusCode.OK, nifti.StatusCode);
        var volume = await nifti.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("nifti", volume.GetProperty("format").GetString());
        Assert.Equal(3, volume.GetProperty("metadata").GetProperty("position").GetInt32());
    }

    private static async Task AssertRefusedAsync(HttpClient client, int runId, MultipartFormDataContent form, string reason)
    {
        using var response = await client.PostAsync($"/api/runs/{runId}/predict", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<int> TrainAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices = 120, size = 64, seed = 5 });
        var datasetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{datasetId}", d => d.GetProperty("status").GetString() == "ready", TimeSpan.FromMinutes(1));
        var launched = await client.PostAsJsonAsync("/api/runs", new { datasetId, architecture = "smallcnn", epochs = 1, imageSize = 64, batchSize = 16 });
        var runId = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var run = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{runId}", r => r.GetProperty("status").GetString() is "succeeded" or "failed", TimeSpan.FromMinutes(4));
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        return runId;
    }

    private static MultipartFormDataContent Form(byte[] file, string name, params (string Field, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        foreach (var (field, value) in fields)
        {
            form.Add(new StringContent(value), field);
        }
        return form;
    }

    private int ScanFolders()
    {
        var root = Path.Combine(factory.DataDirectory, "artifacts", "scans");
        return Directory.Exists(root) ? Directory.GetDirectories(root).Length : 0;
    }

    public void Dispose() => factory.Dispose();
}
