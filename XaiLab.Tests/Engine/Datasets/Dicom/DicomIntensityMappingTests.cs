using XaiLab.Engine.Datasets.Dicom;

namespace XaiLab.Tests.Engine.Datasets.Dicom;

public sealed class DicomIntensityMappingTests
{
    [Fact]
    public void ToStored_MapsTheSeriesRangeOntoSixteenBits()
    {
        var mapping = new DicomIntensityMapping(-1024, 3071, Inverted: false);

        var stored = mapping.ToStored([-1024, 3071, 1023.5]);

        Assert.Equal([0, 65535], stored[..2]);
        Assert.Equal(4095.0 / 65535, mapping.Scale);
        Assert.Equal(-1024, mapping.Offset);
        Assert.Equal(1023.5, stored[2] * mapping.Scale + mapping.Offset, 0.5 * mapping.Scale + 1e-9);
    }

    [Fact]
    public void ToStored_InvertsMonochrome1SoThatHigherIsBrighter()
    {
        var mapping = new DicomIntensityMapping(0, 255, Inverted: true);

        var stored = mapping.ToStored([0, 255, 51]);

        Assert.Equal([65535, 0, 52428], stored);
        Assert.Equal(-255.0 / 65535, mapping.Scale);
        Assert.Equal(255, mapping.Offset);
        Assert.Equal(51, stored[2] * mapping.Scale + mapping.Offset, 1e-9);
    }

    [Fact]
    public void ToStored_KeepsEveryDistinctSixteenBitValueDistinct()
    {
        var physical = Enumerable.Range(-32768, 65536).Select(v => (double)v).ToArray();

        var stored = new DicomIntensityMapping(-32768, 32767, Inverted: false).ToStored(physical);

        Assert.Equal(65536, stored.Distinct().Count());
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, -1)]
    public void ToStored_ConstantSeriesIsZeroAndInvertible(bool inverted, double scale)
    {
        var mapping = new DicomIntensityMapping(-1000, -1000, inverted);

        Assert.Equal([0, 0], mapping.ToStored([-1000, -1000]));
        Assert.Equal((scale, -1000.0), (mapping.Scale, mapping.Offset));
    }
}
