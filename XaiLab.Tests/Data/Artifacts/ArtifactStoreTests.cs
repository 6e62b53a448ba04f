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
