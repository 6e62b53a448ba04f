using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using XaiLab.Tests.Engine.Datasets;
using XaiLab.Tests.Engine.Datasets.Figshare;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis.Datasets;

/// <summary>POST /api/datasets end to end: streamed upload, import job, stored slices; bad input fails clearly and leaves nothing.</summary>
[Collection(WebHostCollection.Name)]
[Trait(DatabaseTraits.Name, DatabaseTraits.Both)]
public sealed class DatasetUploadApiTests : IDisposable
{
    private readonly XaiLabAppFactory factory = new();
    private readonly TempFolder temp = new();

    /// <summary>Issue 21: the fixture's 4 patients are too few for a validation split as well: training and test only, with the reason.</summary>
    [Fact]
    public async Task Upload_FigshareFixtureAlone_SplitsTrainAndTestOnly_WithAWarning()
    {
        using var client = factory.CreateClient();
        var (_, dataset) = await DatasetUploads.ImportAsync(client, DatasetFixtures.FigshareZip);

        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        Assert.Equal(6, dataset.GetProperty("sliceCount").GetInt32());
        Assert.Contains(dataset.GetProperty("warnings").EnumerateArray(),
            w => w.GetString()!.StartsWith("4 patients are too few for a validation split", StringComparison.Ordinal));
        var counts = dataset.GetProperty("splitCounts");
        Assert.Equal(0, counts.GetProperty("validation").GetInt32());
        Assert.True(counts.GetProperty("train").GetInt32() > 0 && counts.GetProperty("test").GetInt32() > 0, counts.ToString());
        Assert.Equal(0, counts.GetProperty("unassigned").GetInt32());
    }

    /// <summary>
    /// Issue 21: one patient per class is too few for any split: the set imports with every slice unassigned and the reason
    /// in its warnings; launching a run on it is refused (409) with what to do; a hand-made split makes it trainable.
    /// </summary>
    [Fact]
    public async Task Upload_OnePatientPerClass_ImportsUnsplitWithAWarning_AndCanBeSplitByHand()
    {
        using var client = factory.CreateClient();
        var files = Enumerable.Range(1, 4)
            .Select(i => ($"{i}.mat", new MatFileBuilder { Label = i <= 2 ? 1 : 2, PatientId = i <= 2 ? "P1" : "P2", Image = Square(16, i), Mask = Blob(16) }.Build()))
            .ToArray();
        var (id, dataset) = await DatasetUploads.ImportAsync(client, temp.Zip("pilot.zip", files));

        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        Assert.Equal([PatientGroupedSplitterWarning(2)], dataset.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        var counts = dataset.GetProperty("splitCounts");
        Assert.Equal((0, 0, 4), (counts.GetProperty("train").GetInt32(), counts.GetProperty("test").GetInt32(), counts.GetProperty("unassigned").GetInt32()));
        var slices = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}/slices?take=50");
        Assert.All(slices.EnumerateArray(), s => Assert.Equal("unassigned", s.GetProperty("split").GetString()));

        using (var refused = await client.PostAsJsonAsync("/api/runs", new { datasetId = id, epochs = 1, imageSize = 64 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains($"Dataset {id} has 2 patients and no training or test slices", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("split it by hand", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var patients = slices.EnumerateArray().Select(s => s.GetProperty("patientId").GetString()!).Distinct().Order().ToList();
        var assignments = patients.Select((p, i) => new { patientId = p, split = i % 2 == 0 ? "train" : "test" }).ToList();
        using (var split = await client.PostAsJsonAsync($"/api/datasets/{id}/split", new { assignments }))
        {
            Assert.Equal(HttpStatusCode.OK, split.StatusCode);
            var body = await split.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(0, body.GetProperty("splitCounts").GetProperty("unassigned").GetInt32());
            Assert.False(body.GetProperty("leakage").GetProperty("hasLeakage").GetBoolean());
        }
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}");
        Assert.Equal("manual", after.GetProperty("splitPreset").GetString());
        Assert.DoesNotContain(after.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("too few", StringComparison.Ordinal));
        var byPatient = (await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}/slices?take=50")).EnumerateArray()
            .ToLookup(s => s.GetProperty("patientId").GetString()!, s => s.GetProperty("split").GetString());
        Assert.All(patients.Select((p, i) => (p, i)), x => Assert.All(byPatient[x.p], part => Assert.Equal(x.i % 2 == 0 ? "train" : "test", part)));

        using var unknown = await client.PostAsJsonAsync($"/api/datasets/{id}/split", new { assignments = new[] { new { patientId = "nobody", split = "train" } } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Upload_FigshareZipsNestedInOneZip_ImportsSlicesClassesAndMasks()
    {
        using var client = factory.CreateClient();
        var generated = Enumerable.Range(7, 24)
            .Select(i => ($"{i}.mat", new MatFileBuilder { Label = i % 3 + 1, PatientId = $"G{i % 12:D3}", Image = Square(16, i), Mask = Blob(16) }.Build()))
            .ToArray();
        var zip = temp.Zip("figshare.zip",
            ("brainTumorDataPublic_1-6.zip", File.ReadAllBytes(DatasetFixtures.FigshareZip)),
            ("brainTumorDataPublic_7-30.zip", File.ReadAllBytes(temp.Zip("inner.zip", generated))));

        var (id, dataset) = await DatasetUploads.ImportAsync(client, zip);

        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        Assert.Equal("figshare", dataset.GetProperty("source").GetString());
        Assert.Equal(30, dataset.GetProperty("sliceCount").GetInt32());
        Assert.Equal(16, dataset.GetProperty("patientCount").GetInt32());
        Assert.True(dataset.GetProperty("withMasks").GetBoolean());
        Assert.Equal(1.0, dataset.GetProperty("progress").GetDouble());
        Assert.Equal(["glioma", "meningioma", "pituitary"], dataset.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
        Assert.Equal(30, dataset.GetProperty("classes").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));
        var slices = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}/slices?take=500");
        Assert.Equal(30, slices.GetArrayLength());
        Assert.All(slices.EnumerateArray(), s => Assert.True(s.GetProperty("hasMask").GetBoolean()));
        Assert.Equal(5, slices.EnumerateArray().Count(s => s.GetProperty("width").GetInt32() == 512));
        Assert.Equal(1, slices.EnumerateArray().Count(s => s.GetProperty("width").GetInt32() == 256));
        await AssertUploadsDeletedAsync();
    }

    [Fact]
    public async Task Upload_ZippedCovidFolder_ImportsThePapersThreeClassesWithMasksAtImageSize()
    {
        using var client = factory.CreateClient();
        var zip = temp.Zip("covid.zip", CovidEntries(copies: 4).ToArray());

        var (id, dataset) = await DatasetUploads.ImportAsync(client, zip, format: "covid-radiography");

        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        Assert.Equal("covidradiography", dataset.GetProperty("source").GetString());
        Assert.Equal(36, dataset.GetProperty("sliceCount").GetInt32());
        Assert.Equal(["COVID", "Lung_Opacity", "Normal"], dataset.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
        Assert.All(dataset.GetProperty("classes").EnumerateArray(), c => Assert.Equal(12, c.GetProperty("count").GetInt32()));
        Assert.Equal(9, dataset.GetProperty("duplicates").GetInt32());
        var slices = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}/slices?class=COVID&take=500");
        Assert.Equal(12, slices.GetArrayLength());
        var first = slices[0];
        Assert.Equal((299, 299, true), (first.GetProperty("width").GetInt32(), first.GetProperty("height").GetInt32(), first.GetProperty("hasMask").GetBoolean()));
        var mask = await client.GetByteArrayAsync($"/api/slices/{first.GetProperty("id").GetInt32()}/mask.png");
        Assert.Equal((299, 299), (BinaryPrimitives.ReadInt32BigEndian(mask.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(mask.AsSpan(20))));
    }

    [Fact]
    public async Task Upload_CovidWithAllClassesChosen_ImportsFour()
    {
        using var client = factory.CreateClient();
        var zip = temp.Zip("covid.zip", CovidEntries(copies: 4).ToArray());

        var (_, dataset) = await DatasetUploads.ImportAsync(client, zip, format: "covid-radiography", classes: "COVID,Normal,Lung_Opacity,Viral Pneumonia");

        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        Assert.Equal(4, dataset.GetProperty("classes").GetArrayLength());
        Assert.Equal(48, dataset.GetProperty("sliceCount").GetInt32());
    }

    [Fact]
    public async Task Upload_RejectsUnknownFormatAndMissingFile()
    {
        using var client = factory.CreateClient();

        var badFormat = await DatasetUploads.PostAsync(client, DatasetFixtures.FigshareZip, format: "analyze");
        var noFile = await client.PostAsync("/api/datasets", new MultipartFormDataContent { { new StringContent("x"), "name" } });

        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("Unknown format 'analyze'. Valid: auto, figshare, covid-radiography, image-folder, nifti, dicom.", await badFormat.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Contains("no 'file' part", await noFile.Content.ReadAsStringAsync());
        Assert.Empty(UploadFiles());
    }

    [Fact]
    public async Task Upload_RejectsCorruptZip() =>
        await AssertFailsCleanlyAsync(temp.Write("corrupt.zip", Enumerable.Range(0, 5000).Select(i => (byte)(i * 31)).ToArray()), null,
            "corrupt.zip is not a readable ZIP archive (corrupt or truncated)");

    [Fact]
    public async Task Upload_RejectsTruncatedZip()
    {
        var bytes = File.ReadAllBytes(DatasetFixtures.FigshareZip);
        await AssertFailsCleanlyAsync(temp.Write("truncated.zip", bytes[..(bytes.Length / 2)]), "figshare",
            "truncated.zip is not a readable ZIP archive (corrupt or truncated)");
    }

    [Fact]
    public async Task Upload_RejectsEntryOutsideRoot() =>
        await AssertFailsCleanlyAsync(
            temp.Zip("slip.zip", ("a/x.png", Gray(4)), ("b/y.png", Gray(4)), ("../evil.png", Gray(4))), "image-folder",
            "slip.zip: entry '../evil.png' escapes the archive root with '..'.");

    [Fact]
    public async Task Upload_RejectsZipBomb() =>
        await AssertFailsCleanlyAsync(
            temp.Zip("bomb.zip", ("a/x.png", Gray(4)), ("b/zeros.png", new byte[8 * 1024 * 1024])), "image-folder",
            "more than 200 times (a ZIP bomb?)");

    [Fact]
    public async Task Upload_RejectsNonImage() =>
        await AssertFailsCleanlyAsync(
            temp.Zip("docs.zip", ("a/x.png", Gray(4)), ("a/y.png", Gray(4)), ("b/notes.docx", [1, 2, 3])), "image-folder",
            "b/notes.docx is not an image (expected PNG, JPEG, BMP or TIFF in the class folders).");

    [Fact]
    public async Task Upload_RejectsAbsurdDimensionsInHeader()
    {
        var huge = TestImages.Gray8(1, 1, (x, y) => 0);
        BinaryPrimitives.WriteInt32BigEndian(huge.AsSpan(16), 100_000);
        BinaryPrimitives.WriteInt32BigEndian(huge.AsSpan(20), 100_000);
        await AssertFailsCleanlyAsync(
            temp.Zip("huge.zip", ("a/x.png", Gray(4)), ("b/y.png", Gray(4)), ("b/huge.png", huge)), "image-folder",
            "b/huge.png declares 100000x100000 pixels; each side must be between 1 and 8192.");
    }

    [Fact]
    public async Task Upload_RejectsMaskOfWrongShape() =>
        await AssertFailsCleanlyAsync(
            temp.Zip("masks.zip", ("a/x.png", Gray(4)), ("b/y.png", Gray(4)), ("b/z.png", Gray(4)), ("masks/b/z.png", Gray(2))), "image-folder",
            "Mask masks/b/z.png is 2x2 but its image is 4x4; masks must have the image's size.");

    [Fact]
    public async Task Upload_RejectsMatWithoutCjdata() =>
        await AssertFailsCleanlyAsync(
            temp.Zip("mats.zip",
                ("1.mat", File.ReadAllBytes(Path.Combine(DatasetFixtures.FigshareFolder, "1.mat"))),
                ("2.mat", File.ReadAllBytes(Path.Combine(DatasetFixtures.FigshareFolder, "2.mat"))),
                ("7.mat", new MatFileBuilder { IncludeCjdata = false }.Build())), "figshare",
            "7.mat is not a figshare brain-tumour file: no cjdata struct (found: other).");

    [Fact]
    public async Task Upload_RejectsEmptyDataset() =>
        await AssertFailsCleanlyAsync(temp.Zip("empty.zip", ("README.txt", [1])), "image-folder", "the dataset is empty.");

    [Fact]
    public async Task Upload_RejectsSingleClass() =>
        await AssertFailsCleanlyAsync(
            temp.Zip("one.zip", ("a/x.png", Gray(4)), ("a/y.png", Gray(4)), ("a/z.png", Gray(4))), "image-folder",
            "has images in only one class ('a'); a classifier needs at least two.");

    [Fact]
    public async Task Cancel_DuringImport_RollsBackAndSaysCancelled()
    {
        using var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices = 20_000, size = 64, seed = 3 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{id}", d => d.GetProperty("progress").GetDouble() > 0, TimeSpan.FromMinutes(1));

        var cancel = await client.PostAsync($"/api/datasets/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var dataset = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{id}", d => d.GetProperty("status").GetString() != "importing", TimeSpan.FromMinutes(1));
        Assert.Equal(("failed", "Import cancelled."), (dataset.GetProperty("status").GetString(), dataset.GetProperty("error").GetString()));
        await AssertNothingLeftAsync(client, id);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/datasets/{id}/cancel", null)).StatusCode);
    }

    private async Task AssertFailsCleanlyAsync(string file, string? format, string message)
    {
        using var client = factory.CreateClient();

        var (id, dataset) = await DatasetUploads.ImportAsync(client, file, format);

        Assert.Equal("failed", dataset.GetProperty("status").GetString());
        Assert.Contains(message, dataset.GetProperty("error").GetString());
        await AssertNothingLeftAsync(client, id);
    }

    private async Task AssertNothingLeftAsync(HttpClient client, int id)
    {
        var dataset = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}");
        Assert.Equal(0, dataset.GetProperty("sliceCount").GetInt32());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}/slices")).GetArrayLength());
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "artifacts", "datasets", id.ToString())), "slice files remain");
        await AssertUploadsDeletedAsync();
    }

    /// <summary>The job deletes the upload just after the dataset's final status is stored.</summary>
    private async Task AssertUploadsDeletedAsync()
    {
        for (var i = 0; i < 50 && UploadFiles().Any(); i++)
        {
            await Task.Delay(100);
        }
        Assert.Empty(UploadFiles());
    }

    private static string PatientGroupedSplitterWarning(int patients) => XaiLab.Engine.Datasets.Splits.PatientGroupedSplitter.TooFewPatients(patients);

    private IEnumerable<string> UploadFiles()
    {
        var uploads = Path.Combine(factory.DataDirectory, "uploads");
        return Directory.Exists(uploads) ? Directory.EnumerateFileSystemEntries(uploads, "*", SearchOption.AllDirectories) : [];
    }

    /// <summary>
    /// The COVID fixture, each image and mask copied under <paramref name="copies"/> names: the fixture's 3 patients per
    /// class are too few for a patient-grouped split, and each file name is a patient in this database.
    /// </summary>
    private static IEnumerable<(string, byte[])> CovidEntries(int copies) =>
        Directory.EnumerateFiles(DatasetFixtures.CovidFolder, "*.png", SearchOption.AllDirectories)
            .SelectMany(file => Enumerable.Range(0, copies).Select(copy =>
            {
                var relative = Path.GetRelativePath(DatasetFixtures.CovidFolder, file).Replace('\\', '/');
                var name = Path.GetFileNameWithoutExtension(relative);
                var renamed = copy == 0 ? relative : relative[..^(name.Length + 4)] + $"{name}{copy * 10}.png";
                return ("COVID-19_Radiography_Dataset/" + renamed, File.ReadAllBytes(file));
            }));

    private static short[,] Square(int side, int seed)
    {
        var image = new short[side, side];
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                image[y, x] = (short)((x * 13 + y * 7 + seed * 31) % 900);
            }
        }
        return image;
    }

    private static byte[,] Blob(int side)
    {
        var mask = new byte[side, side];
        for (var y = side / 4; y < side / 2; y++)
        {
            for (var x = side / 4; x < side / 2; x++)
            {
                mask[y, x] = 1;
            }
        }
        return mask;
    }

    private static byte[] Gray(int side) => TestImages.Gray8(side, side, (x, y) => (x * 37 + y * 11) % 256);

    public void Dispose()
    {
        factory.Dispose();
        temp.Dispose();
    }
}
