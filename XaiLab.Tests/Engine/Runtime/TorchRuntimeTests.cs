using TorchSharp;
using XaiLab.Engine.Runtime;

namespace XaiLab.Tests.Engine.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void LibTorch_LoadsAndComputes()
    {
        using var a = torch.arange(6, dtype: torch.float32).reshape(2, 3);
        using var b = a.matmul(a.t());
        Assert.Equal(50f, b[1, 1].item<float>());
        Assert.Matches(@"^2\.\d+\.\d+$", TorchRuntime.LibTorchVersion);
    }

    [Fact]
    public void Resolve_AutoGivesCpuWithoutCuda()
    {
        var device = TorchRuntime.Resolve("auto");
        Assert.Equal(TorchRuntime.CudaAvailable ? DeviceType.CUDA : DeviceType.CPU, device.type);
        Assert.Throws<ArgumentException>(() => TorchRuntime.Resolve("tpu"));
    }
}
