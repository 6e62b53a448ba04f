namespace XaiLab.Tests.Web;

/// <summary>
/// Web keeps no tensors: everything torch goes through the Engine's façade (<see cref="XaiLab.Engine.Networks.Network"/>),
/// so the web assembly's IL names no TorchSharp type at all.
/// </summary>
public class WebLayeringTests
{
    [Fact]
    public void WebAssembly_DoesNotReferenceTorchSharp()
    {
        var references = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("XaiLab.Engine", references);
        Assert.DoesNotContain("TorchSharp", references);
    }
}
