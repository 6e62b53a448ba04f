using XaiLab.Web.Services.Datasets;

namespace XaiLab.Tests.Web.Services.Datasets;

public sealed class DatasetUploadStoreTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\evil.zip", "evil.zip")]
    [InlineData("/abs/olute.zip", "olute.zip")]
    [InlineData("..", "upload.zip")]
    [InlineData("", "upload.zip")]
    [InlineData(null, "upload.zip")]
    [InlineData(".hidden.zip", "hidden.zip")]
    [InlineData("a\u0000b\nc.zip", "a_b_c.zip")]
    [InlineData("con:stream*?.zip", "con_stream__.zip")]
    public void SafeFileName_KeepsOnlyAHarmlessLastSegment(string? sent, string kept) =>
        Assert.Equal(kept, DatasetUploadStore.SafeFileName(sent));

    [Fact]
    public void NewPath_StaysInItsOwnRandomFolderUnderTheUploadsRoot()
    {
        var root = Directory.CreateTempSubdirectory("xailab-uploads-").FullName;
        try
        {
            var store = new DatasetUploadStore(new XaiLab.Data.DataDirectory(root));
            var first = store.NewPath("../../../../tmp/x.zip");
            var second = store.NewPath("../../../../tmp/x.zip");
            Assert.StartsWith(store.Root + Path.DirectorySeparatorChar, Path.GetFullPath(first), StringComparison.Ordinal);
            Assert.Equal("x.zip", Path.GetFileName(first));
            Assert.NotEqual(Path.GetDirectoryName(first), Path.GetDirectoryName(second));
            Assert.Equal(store.Root, Path.GetDirectoryName(Path.GetDirectoryName(first)));
            Assert.Throws<ArgumentException>(() => store.Delete(Path.Combine(root, "elsewhere", "f.zip")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void DisplayName_IsTheSafeNameWithoutExtension() =>
        Assert.Equal("brain tumours", DatasetUploadStore.DisplayName("C:\\data\\brain tumours.zip"));
}
