using XaiLab.Engine.Datasets.Dicom;

namespace XaiLab.Tests.Engine.Datasets.Dicom;

public sealed class DicomSeriesOrderTests
{
    private static readonly double[] Axial = [1, 0, 0, 0, 1, 0];

    [Fact]
    public void Order_ByInstanceNumberThenPath()
    {
        var order = DicomSeriesOrder.Order([Slice("a", 3), Slice("b", 1), Slice("c", 3), Slice("d", 2)]);

        Assert.Equal([1, 3, 0, 2], order);
    }

    [Fact]
    public void Order_AlongTheNormalWhenAnInstanceNumberIsMissing()
    {
        // Sagittal: rows along y, columns along -z, normal (0,1,0)x(0,0,-1) = (-1,0,0).
        double[] sagittal = [0, 1, 0, 0, 0, -1];

        var order = DicomSeriesOrder.Order(
        [
            Slice("a", 1, [10, 0, 0], sagittal),
            Slice("b", null, [30, 5, 5], sagittal),
            Slice("c", 2, [20, -5, 9], sagittal),
        ]);

        Assert.Equal([1, 2, 0], order);
    }

    [Fact]
    public void Order_ByPathWhenNeitherIsComplete()
    {
        var order = DicomSeriesOrder.Order([Slice("b", null, [0, 0, 1], Axial), Slice("a", 5, null, Axial), Slice("c", null, [0, 0, -1], Axial)]);

        Assert.Equal([1, 0, 2], order);
    }

    private static (string, DicomHeader) Slice(string file, int? instance, double[]? position = null, double[]? orientation = null) =>
        (file, new DicomHeader
        {
            TransferSyntaxUid = DicomTransferSyntaxes.ExplicitVrLittleEndian,
            InstanceNumber = instance,
            ImagePositionPatient = position,
            ImageOrientationPatient = orientation,
        });
}
