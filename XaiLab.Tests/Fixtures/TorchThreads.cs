using TorchSharp;

namespace XaiLab.Tests.Fixtures;

/// <summary>Limits libtorch to two threads for the torch test collection.</summary>
public sealed class TorchThreads
{
    public TorchThreads()
    {
        torch.set_num_threads(2);
    }
}
