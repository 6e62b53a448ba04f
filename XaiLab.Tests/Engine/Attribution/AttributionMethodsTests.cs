using XaiLab.Engine.Attribution;

namespace XaiLab.Tests.Engine.Attribution;

public sealed class AttributionMethodsTests
{
    [Theory]
    [InlineData("vanilla-gradient", typeof(VanillaGradient))]
    [InlineData("integrated-gradients", typeof(IntegratedGradients))]
    [InlineData("blur-ig", typeof(BlurIntegratedGradients))]
    [InlineData("guided-ig", typeof(GuidedIntegratedGradients))]
    [InlineData("xrai", typeof(Xrai))]
    [InlineData("xrai-top30", typeof(XraiTop30))]
    [InlineData("grad-cam", typeof(GradCam))]
    [InlineData("occlusion", typeof(Occlusion))]
    public void Create_GivesTheMethodWhoseApiNameWasAsked(string apiName, Type type)
    {
        var method = AttributionMethods.Create(apiName);
        Assert.IsType(type, method);
        Assert.Equal(apiName, method.ApiName);
    }

    [Theory]
    [InlineData("smooth-vanilla-gradient")]
    [InlineData("smooth-integrated-gradients")]
    [InlineData("smooth-blur-ig")]
    [InlineData("smooth-grad-cam")]
    public void Create_SmoothPrefixWrapsTheMethodInSmoothGrad(string apiName)
    {
        var method = Assert.IsType<SmoothGrad>(AttributionMethods.Create(apiName, new AttributionOptions(SmoothGradSamples: 7, Seed: 3)));
        Assert.Equal(apiName, method.ApiName);
        Assert.Equal(7, method.Samples);
        Assert.Equal(3UL, method.Seed);
    }

    [Fact]
    public void Create_PassesStepsToThePathMethods()
    {
        Assert.Equal(300, ((IntegratedGradients)AttributionMethods.Create("integrated-gradients", new AttributionOptions(Steps: 300))).Steps);
        Assert.Equal(25, ((IntegratedGradients)AttributionMethods.Create("integrated-gradients")).Steps);
        var ig = (IntegratedGradients)AttributionMethods.Create("integrated-gradients",
            new AttributionOptions(Baseline: IntegratedGradientsBaseline.Blurred, IntegrationRule: IntegrationRule.Trapezoid));
        Assert.Equal((IntegratedGradientsBaseline.Blurred, IntegrationRule.Trapezoid), (ig.Baseline, ig.Rule));
        Assert.Equal(40, ((GuidedIntegratedGradients)AttributionMethods.Create("guided-ig", new AttributionOptions(Steps: 40))).Steps);
    }

    [Theory]
    [InlineData("lime")]
    [InlineData("smooth-")]
    [InlineData("smooth-smooth-vanilla-gradient")]
    [InlineData("")]
    public void Create_RejectsUnknownNamesListingTheValidOnes(string apiName)
    {
        var error = Assert.Throws<ArgumentException>(() => AttributionMethods.Create(apiName));
        Assert.Contains("vanilla-gradient, integrated-gradients, blur-ig", error.Message);
        Assert.False(AttributionMethods.IsKnown(apiName));
    }
}
