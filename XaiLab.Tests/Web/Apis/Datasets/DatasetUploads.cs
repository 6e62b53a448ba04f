using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis.Datasets;

/// <summary>Uploads through POST /api/datasets and waits for the import to end, for host-level dataset tests.</summary>
internal static class DatasetUploads
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string file, string? format = null, string? name = null, string? classes = null,
        IReadOnlyDictionary<string, string>? fields = null)
    {
        using var content = new MultipartFormDataContent();
        var stream = new StreamContent(File.OpenRead(file));
        stream.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(stream, "file", Path.GetFileName(file));
        if (name is not null) content.Add(new StringContent(name), "name");
        if (format is not null) content.Add(new StringContent(format), "format");
        if (classes is not null) content.Add(new StringContent(classes), "classes");
        foreach (var (field, value) in fields ?? new Dictionary<string, string>())
        {
            content.Add(new StringContent(value), field);
        }
        return await client.PostAsync("/api/datasets", content);
    }

    /// <summary>Uploads <paramref name="file"/> and returns the dataset once it is no longer importing.</summary>
    public static async Task<(int Id, JsonElement Dataset)> ImportAsync(HttpClient client, string file, string? format = null, string? classes = null,
        IReadOnlyDictionary<string, string>? fields = null)
    {
        var response = await PostAsync(client, file, format, classes: classes, fields: fields);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var dataset = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{id}",
            d => d.GetProperty("status").GetString() != "importing", TimeSpan.FromMinutes(3));
        return (id, dataset);
    }
}
