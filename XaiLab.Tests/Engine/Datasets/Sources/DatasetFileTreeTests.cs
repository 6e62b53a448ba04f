using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Sources;

namespace XaiLab.Tests.Engine.Datasets.Sources;

public sealed class DatasetFileTreeTests
{
    [Fact]
    public void Open_ZipStripsSingleTopFolderAndMacMetadata()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("d.zip", ("root/a/x.png", [1]), ("root/b.txt", [2]), ("__MACOSX/root/._x.png", [3]), ("root/a/.DS_Store", [4]));

        using var tree = DatasetFileTree.Open(zip);

        Assert.Equal(["a/x.png", "b.txt"], tree.Files);
        Assert.Equal([1], tree.ReadAllBytes("a/x.png"));
    }

    [Fact]
    public void Open_KeepsLoneClassFolderOfFiles()
    {
        using var temp = new TempFolder();
        temp.Write("glioma/a.png", [1]);

        using var tree = DatasetFileTree.Open(temp.Path);

        Assert.Equal(["glioma/a.png"], tree.Files);
    }

    [Fact]
    public void OpenRead_RejectsPathOutsideListing()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.png", [1]);
        using var tree = DatasetFileTree.Open(temp.Path);

        var e = Assert.Throws<DatasetImportException>(() => tree.OpenRead("../secret"));

        Assert.EndsWith(": '../secret' is not in the dataset.", e.Message);
    }
}
