using XaiLab.Engine.Datasets.Figshare;
using XaiLab.Engine.Imaging;

namespace XaiLab.Tests.Engine.Datasets.Figshare;

public sealed class TumorBorderAlignerTests
{
    [Fact]
    public void Align_IsUndeterminedWithoutEvidence()
    {
        var empty = new BinaryMask(4, 4, new bool[16]);

        var alignment = TumorBorderAligner.Align([1, 2, 3, 4], empty, "x.mat");

        Assert.Equal(BorderAxisOrder.Undetermined, alignment.Order);
        Assert.Empty(alignment.Points);
    }

    [Fact]
    public void Align_FindsRowColumnOrder()
    {
        var values = new bool[20 * 10];
        for (var y = 1; y < 4; y++)
        {
            for (var x = 10; x < 18; x++)
            {
                values[y * 20 + x] = true;
            }
        }

        // 1-based (row, column) vertices on the outline of rows 1..3, columns 10..17.
        var alignment = TumorBorderAligner.Align([2, 11, 2, 18, 4, 18, 4, 11], new BinaryMask(20, 10, values), "x.mat");

        Assert.Equal(BorderAxisOrder.RowColumn, alignment.Order);
        Assert.Equal(new BorderPoint(10, 1), alignment.Points[0]);
        Assert.Equal((0, 4), (alignment.HitsAsColumnRow, alignment.HitsAsRowColumn));
    }
}
