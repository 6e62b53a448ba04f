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

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("glioma", "glioma")]
    public void Write_DefusesTextThatASpreadsheetWouldRunAsAFormula(string text, string expected)
    {
        var csv = CsvTable.Write(["cell"], [[text]]);

        Assert.Equal($"cell\r\n{expected}\r\n", csv);
    }

    [Fact]
    public void Write_KeepsNegativeNumbersAsNumbers_AndDefusesHeaders()
    {
        var csv = CsvTable.Write(["=evil accuracy", "delta"], [[null, -0.25]]);

        Assert.Equal("'=evil accuracy,delta\r\n,-0.25\r\n", csv);
    }
}
