using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Web.Apis;
using XaiLab.Web.Services;

namespace XaiLab.Tests.Web.Apis;

public sealed class OverlayStyleTests
{
    [Fact]
    public void Parse_DefaultsToJetHalfOpaqueAbsolute_AndReadsEveryOption()
    {
        Assert.Equal(new OverlayStyle(Colormap.Jet, 0.5, false), OverlayStyle.Parse(null, null, null));
        Assert.Equal(new OverlayStyle(Colormap.BlueRed, 0.9, true), OverlayStyle.Parse("BlueRed", 0.9, " Signed "));
    }

    [Theory]
    [InlineData("rainbow", null, null, "Unknown colormap 'rainbow'")]
    [InlineData("99", null, null, "Unknown colormap '99'")]
    [InlineData(null, 1.5, null, "opacity must be between 0 and 1")]
    [InlineData(null, null, "both", "Unknown sign 'both'")]
    public void Parse_RefusesWhatItCannotDraw(string? colormap, double? opacity, string? sign, string message)
    {
        var error = Assert.Throws<RequestValidationException>(() => OverlayStyle.Parse(colormap, opacity, sign));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
