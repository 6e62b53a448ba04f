using System.Text;
using System.Text.Json;
using XaiLab.Data.Artifacts;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Attributions;

namespace XaiLab.Tests.Web.Services.Attributions;

public sealed class SanityCheckStoreTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("xailab-sanity-").FullName;

    /// <summary>A file written before sanity checks had a storage format of their own: the API body, camelCase, no version.</summary>
    private const string FileOfTheFirstVersion = """
        {"runId":5,"status":"succeeded","error":null,"requestedMethods":["vanilla-gradient"],"sliceIds":[11,12],
        "flagRankCorrelation":0.5,"methods":[{"method":"vanilla-gradient","slices":2,"steps":[{"layer":"head","layersRandomised":1,
        "rankCorrelation":0.8,"ssim":0.7},{"layer":"features.conv1","layersRandomised":9,"rankCorrelation":0.1,"ssim":null}],
        "finalRankCorrelation":0.1,"finalSsim":null,"flagged":false}],"updatedAt":"2026-11-30T10:00:00+00:00"}
        """;

    [Fact]
    public async Task ReadAsync_FileWrittenBeforeVersions_GivesItsCheck()
    {
        var store = new ArtifactStore(root);
        await store.WriteAsync(SanityCheckStore.PathOf(5), Encoding.UTF8.GetBytes(FileOfTheFirstVersion));
        var check = await new SanityCheckStore(store).ReadAsync(5);
        Assert.NotNull(check);
        Assert.Equal(SanityCheckStatus.Succeeded, check.Status);
        Assert.Equal([11, 12], check.SliceIds);
        var method = Assert.Single(check.Methods);
        Assert.Equal(["head", "features.conv1"], method.Steps.Select(s => s.Layer));
        Assert.Equal(9, method.Steps[1].LayersRandomised);
        Assert.Null(method.Steps[1].Ssim);
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T10:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture), check.UpdatedAt);
    }

    [Fact]
    public async Task WriteAsync_StoresTheVersionedShape_AndReadsBack()
    {
        var store = new ArtifactStore(root);
        var check = new SanityCheckResponse(6, SanityCheckStatus.Running, null, ["xrai"], [3], 0.5,
            [new SanityCheckMethodResponse("xrai", 1, [new SanityCheckStepResponse("head", 1, 0.9, 0.8)], null, null, false)],
            DateTimeOffset.UnixEpoch);
        await new SanityCheckStore(store).WriteAsync(check);
        using var document = JsonDocument.Parse(await store.ReadAsync(SanityCheckStore.PathOf(6)));
        Assert.Equal(StoredSanityCheck.CurrentVersion, document.RootElement.GetProperty("version").GetInt32());
        var back = await new SanityCheckStore(store).ReadAsync(6);
        Assert.NotNull(back);
        Assert.Equal(JsonSerializer.Serialize(check), JsonSerializer.Serialize(back));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
