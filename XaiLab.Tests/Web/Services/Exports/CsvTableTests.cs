using XaiLab.Web.Services.Exports;

namespace XaiLab.Tests.Web.Services.Exports;

public sealed class CsvTableTests
{
    [Fact]
    public void Write_QuotesWhatNeedsQuotingAndFormatsNumbersInvariantly()
    {
        var csv = CsvTable.Write(["a", "b", "c"], [["x, y", 0.25, null], ["say \"hi\"", 3, "line\nbreak"]]);
        Assert.Equal("a,b,c\r\n\"x, y\",0.25,\r\n\"say \"\"hi\"\"\",3,\"line\nbreak\"\r\n", csv);
    }

    [Fact]
    public void Write_RejectsRowsOfTheWrongWidth()
    {
        Assert.Throws<ArgumentException>(() => CsvTable.Write(["a", "b"], [[1]]));
    }
}
