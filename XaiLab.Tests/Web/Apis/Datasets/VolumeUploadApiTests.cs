using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using XaiLab.Tests.Engine.Datasets;
using XaiLab.Tests.Engine.Datasets.Dicom;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis.Datasets;

/// <summary>
/// Issue 21: NIfTI volumes and DICOM series through POST /api/datasets on the real host, with the files nibabel and
/// pydicom wrote: the right source, classes, patients and masks, each slice's place in its volume or series, the DICOM
/// default window in the preview, pseudonymised patients, and the files left out named in the dataset's warnings.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class VolumeUploadApiTests : IDisposable
{
    private static readonly string NiftiFolder = Path.Combine(AppContext.BaseDirectory, "Engine", "Datasets", "Nifti", "Fixtures");
    private readonly XaiLabAppFactory factory = new();
    private readonly TempFolder temp = new();

    [Fact]
    public async Task Upload_NiftiVolumesWithAMask_ImportsSlicesWithTheirPlaceInTheVolume()
    {
        using var client = factory.CreateClient();
        byte[] Read(string name) => File.ReadAllBytes(Path.Combine(NiftiFolder, name));
        var zip = temp.Zip("volumes.zip",
            ("glioma/case1.nii", Read("n1-le-int16.nii")),
            ("masks/glioma/case1.nii.gz", Read("n1-le-int16-mask.nii.gz")),
            ("glioma/case2.nii", Read("n1-le-uint16.nii")),
            ("healthy/case3.nii", Read("n1-le-int16-scaled.nii")),
            ("healthy/case4.nii", Read("n1-le-float32.nii")));

        var (id, dataset) = await DatasetUploads.ImportAsync(client, zip);

        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        Assert.Equal("nifti", dataset.GetProperty("source").GetString());
        Assert.Equal(["glioma", "healthy"], dataset.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
        Assert.Equal(4, dataset.GetProperty("patientCount").GetInt32());
        var slices = (await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}/slices?take=500")).EnumerateArray().ToList();
        Assert.Equal(dataset.GetProperty("sliceCount").GetInt32(), slices.Count);
        Assert.All(slices, s =>
        {
            var metadata = s.GetProperty("metadata");
            Assert.Equal(2, metadata.GetProperty("axis").GetInt32());
            Assert.InRange(metadata.GetProperty("position").GetInt32(), 0, metadata.GetProperty("count").GetInt32() - 1);
            Assert.EndsWith(".nii", metadata.GetProperty("series").GetString()!, StringComparison.Ordinal);
        });
        // The masked volume keeps only the slices its mask touches, each with its mask.
        var masked = slices.Where(s => s.GetProperty("metadata").GetProperty("series").GetString() == "glioma/case1.nii").ToList();
        Assert.NotEmpty(masked);
        Assert.All(masked, s => Assert.True(s.GetProperty("hasMask").GetBoolean()));
        using var preview = await client.GetAsync($"/api/slices/{masked[0].GetProperty("id").GetInt32()}/preview.png?contour=true");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
    }

    [Fact]
    public async Task Upload_DicomTree_Pseudonymised_ImportsSeriesAndNamesWhatItLeftOut()
    {
        using var client = factory.CreateClient();
        var zip = temp.ZipFolder("dicom.zip", DicomFixtures.TreeFolder, "upload/");

        var (id, dataset) = await DatasetUploads.ImportAsync(client, zip, format: "dicom",
            fields: new Dictionary<string, string> { ["pseudonymise"] = "true" });

        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        Assert.Equal("dicom", dataset.GetProperty("source").GetString());
        Assert.Contains(dataset.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("skipped", StringComparison.Ordinal));
        var slices = (await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}/slices?take=500")).EnumerateArray().ToList();
        Assert.NotEmpty(slices);
        Assert.All(slices, s => Assert.Matches("^[0-9a-f]{16}$", s.GetProperty("patientId").GetString()!));
        Assert.DoesNotContain(slices, s => s.GetProperty("patientId").GetString()!.StartsWith("PAT-", StringComparison.Ordinal));
        Assert.All(slices, s => Assert.NotNull(s.GetProperty("metadata").GetProperty("series").GetString()));
        var windowed = slices.FirstOrDefault(s => s.GetProperty("metadata").GetProperty("windowWidth").ValueKind == JsonValueKind.Number);
        if (windowed.ValueKind != JsonValueKind.Undefined)
        {
            using var preview = await client.GetAsync($"/api/slices/{windowed.GetProperty("id").GetInt32()}/preview.png");
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        }
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "keys", "pseudonym.key")));

        // A resplit replaces the split's warnings but keeps what the import left out.
        using (var resplit = await client.PostAsJsonAsync($"/api/datasets/{id}/split", new { preset = "paper-random", seed = 2 }))
        {
            Assert.Equal(HttpStatusCode.OK, resplit.StatusCode);
        }
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}");
        Assert.Equal(
            dataset.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Where(w => w!.Contains(" skipped: ", StringComparison.Ordinal)),
            after.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Where(w => w!.Contains(" skipped: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Upload_WithAWrongAxis_IsRefusedBeforeAnythingIsKept()
    {
        using var client = factory.CreateClient();
        var zip = temp.Zip("volumes.zip", ("a/x.nii", File.ReadAllBytes(Path.Combine(NiftiFolder, "n1-le-int16.nii"))));
        using var response = await DatasetUploads.PostAsync(client, zip, fields: new Dictionary<string, string> { ["axis"] = "3" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("axis must be 0, 1 or 2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/datasets")).EnumerateArray());
    }

    public void Dispose()
    {
        factory.Dispose();
        temp.Dispose();
    }
}
