using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Dicom;

namespace XaiLab.Tests.Engine.Datasets.Dicom;

public sealed class DicomOptionsTests
{
    [Fact]
    public void ToString_NeverPrintsTheKey()
    {
        var options = ImportOptions.Default with { Dicom = new DicomOptions { Pseudonymise = true, PseudonymKey = "s3cret-key" } };

        Assert.DoesNotContain("s3cret-key", options.ToString());
        Assert.Contains("Pseudonymise = True, PseudonymKey = (set)", options.ToString());
    }

    [Fact]
    public void Default_KeepsPatientIds()
    {
        Assert.Same(DicomOptions.Default, ImportOptions.Default.Dicom);
        Assert.False(DicomOptions.Default.Pseudonymise);
        Assert.Null(DicomOptions.Default.PseudonymKey);
    }
}
