using XaiLab.Tests.TestDoubles;
using XaiLab.Data.Artifacts;

namespace XaiLab.Tests.Data.Artifacts;

public sealed class ArtifactStoreTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("xailab-artifacts-").FullName;

    [Fact]
    public void Write_ThenRead_ReturnsTheBytesAndLeavesNoPartialFile()
    {
        var store = new ArtifactStore(root);
        store.Write("a/b/c.bin", [1, 2, 3]);
        Assert.Equal([1, 2, 3], store.Read("a/b/c.bin"));
        Assert.Empty(Directory.GetFiles(root, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task WriteAsync_SourceFailsMidway_ClearErrorAndNoFileUnderTheName()
    {
        var store = new ArtifactStore(root);
        var error = await Assert.ThrowsAsync<IOException>(() => store.WriteAsync("runs/1/checkpoint.bin", new FailingStream(100_000, 40_000)));

        Assert.Contains("runs/1/checkpoint.bin", error.Message);
        Assert.Contains("No space left on device", error.Message);
        Assert.False(store.Exists("runs/1/checkpoint.bin"));
        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task WriteAsync_FailureOverAnExistingArtifact_KeepsTheOldCompleteFile()
    {
        var store = new ArtifactStore(root);
        await store.WriteAsync("maps/a.f32", new byte[] { 1, 2, 3 });
        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync("maps/a.f32", new FailingStream(100_000, 10_000)));

        Assert.Equal([1, 2, 3], store.Read("maps/a.f32"));
        Assert.Single(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task WriteAsync_Stream_WritesEveryByte()
    {
        var store = new ArtifactStore(root);
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        await store.WriteAsync("big.bin", new MemoryStream(content));
        Assert.Equal(content, store.Read("big.bin"));
    }

    [Fact]
    public void Resolve_RejectsPathsThatLeaveTheRoot()
    {
        var store = new ArtifactStore(root);
        var error = Assert.Throws<ArgumentException>(() => store.Resolve("../outside.bin"));
        Assert.Contains("leaves the artifact root", error.Message);
    }

    [Fact]
    public void DeleteFolder_RemovesEverythingBelowIt()
    {
        var store = new ArtifactStore(root);
        store.Write("datasets/1/images/000000.png", [1]);
        store.DeleteFolder("datasets/1");
        Assert.False(Directory.Exists(Path.Combine(root, "datasets", "1")));
        store.DeleteFolder("datasets/1");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
