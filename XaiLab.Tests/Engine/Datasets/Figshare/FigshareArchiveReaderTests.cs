using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Figshare;

namespace XaiLab.Tests.Engine.Datasets.Figshare;

public sealed class FigshareArchiveReaderTests
{
    private readonly FigshareArchiveReader reader = new();

    [Fact]
    public void Read_StreamsSlicesOfFigshareZip()
    {
        var slices = reader.Read(DatasetFixtures.FigshareZip).ToList();

        Assert.Equal(["1.mat", "2.mat", "3.mat", "4.mat", "5.mat", "6.mat"], slices.Select(s => s.SourceName));
        Assert.Equal(4, slices.Select(s => s.PatientId).Distinct().Count());
    }

    [Fact]
    public void Read_StreamsNestedFigshareZipsAndSkipsCvind()
    {
        using var temp = new TempFolder();
        var outer = temp.Zip(
            "1512427.zip",
            ("brainTumorDataPublic_1-6.zip", File.ReadAllBytes(DatasetFixtures.FigshareZip)),
            ("cvind.mat", new MatFileBuilder { IncludeCjdata = false }.Build()),
            ("README.txt", "figshare"u8.ToArray()));

        var slices = reader.Read(outer).ToList();

        Assert.Equal(6, slices.Count);
        Assert.Equal("brainTumorDataPublic_1-6.zip/1.mat", slices[0].SourceName);
    }

    [Fact]
    public void Read_ReadsFolderOfMatFiles()
    {
        Assert.Equal(6, reader.Read(DatasetFixtures.FigshareFolder).Count());
    }

    [Fact]
    public void Read_RejectsOtherFiles()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("f.zip", ("1.mat", new MatFileBuilder().Build()), ("notes.docx", [1, 2, 3]));

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(zip).ToList());

        Assert.Equal("notes.docx is not a figshare .mat file or ZIP of them; a figshare brain-tumour dataset holds only .mat files.", e.Message);
    }

    [Fact]
    public void Read_RejectsMatWithoutCjdataInsideArchive()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("f.zip", ("7.mat", new MatFileBuilder { IncludeCjdata = false }.Build()));

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(zip).ToList());

        Assert.Equal("7.mat is not a figshare brain-tumour file: no cjdata struct (found: other).", e.Message);
    }
}
