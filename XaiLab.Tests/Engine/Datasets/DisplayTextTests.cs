using XaiLab.Engine.Datasets;

namespace XaiLab.Tests.Engine.Datasets;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("patient\u202Egpj.exe", "patientgpj.exe")]
    [InlineData("p\u0000\u001b[31m01", "p[31m01")]
    [InlineData("  p  \t 07 \r\n", "p 07")]
    [InlineData("p\u200B1\u2066x\u2069", "p1x")]
    [InlineData("Müller-Ærø 3", "Müller-Ærø 3")]
    [InlineData("\u202E\u0007", "fallback")]
    public void Clean_DropsWhatHidesOrReversesText(string raw, string expected) =>
        Assert.Equal(expected, DisplayText.Clean(raw, 128, "fallback"));

    [Fact]
    public void Clean_CapsTheLength() => Assert.Equal(new string('p', 10), DisplayText.Clean(new string('p', 5000), 10, "x"));
}
