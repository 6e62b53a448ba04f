using TorchSharp;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// Turns <c>requires_grad</c> off on a module's parameters until disposed, then restores each one's flag: an input
/// gradient then builds no weight-gradient graph.
/// </summary>
internal sealed class FrozenParameters : IDisposable
{
    private readonly List<torch.Tensor> frozen = [];

    public FrozenParameters(torch.nn.Module module)
    {
        foreach (var parameter in module.parameters())
        {
            if (parameter.requires_grad)
            {
                parameter.requires_grad_(false);
                frozen.Add(parameter);
            }
        }
    }

    public void Dispose()
    {
        foreach (var parameter in frozen)
        {
            parameter.requires_grad_(true);
        }
        frozen.Clear();
    }
}
