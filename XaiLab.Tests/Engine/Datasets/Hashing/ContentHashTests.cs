using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Hashing;
using XaiLab.Engine.Imaging;

namespace XaiLab.Tests.Engine.Datasets.Hashing;

public sealed class ContentHashTests
{
    private static readonly SliceImage Image = new(2, 2, [1, 2, 3, 4], 8);

    [Fact]
    public void Of_DependsOnPixelsMaskAndShapeOnly()
    {
        var mask = new BinaryMask(2, 2, [true, false, false, false]);

        var hash = ContentHash.Of(Image, mask);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, ContentHash.Of(new SliceImage(2, 2, [1, 2, 3, 4], 8), new BinaryMask(2, 2, [true, false, false, false])));
        Assert.NotEqual(hash, ContentHash.Of(Image, null));
        Assert.NotEqual(hash, ContentHash.Of(Image, new BinaryMask(2, 2, [false, true, false, false])));
        Assert.NotEqual(hash, ContentHash.Of(new SliceImage(2, 2, [1, 2, 3, 5], 8), mask));
        Assert.NotEqual(ContentHash.Of(Image, null), ContentHash.Of(new SliceImage(4, 1, [1, 2, 3, 4], 8), null));
    }

    [Fact]
    public void DatasetVersion_IsOrderIndependentAndChangesWithContent()
    {
        string[] hashes = ["c", "a", "b"];

        var version = ContentHash.DatasetVersion(hashes);

        Assert.Equal(version, ContentHash.DatasetVersion(["a", "b", "c"]));
        Assert.NotEqual(version, ContentHash.DatasetVersion(["a", "b"]));
        Assert.NotEqual(version, ContentHash.DatasetVersion(["a", "b", "c", "c"]));
    }

    [Fact]
    public void FindDuplicates_GroupsIdenticalSlicesOfFixtures()
    {
        var slices = DatasetImporter.Read(DatasetFixtures.FigshareFolder).ToList();
        var named = slices.Select(s => (s.SourceName, ContentHash.Of(s)))
            .Append(("copy-of-1.mat", ContentHash.Of(slices[0])))
            .ToList();

        var duplicates = ContentHash.FindDuplicates(named);

        var group = Assert.Single(duplicates);
        Assert.Equal([slices[0].SourceName, "copy-of-1.mat"], group.SourceNames);
    }
}
