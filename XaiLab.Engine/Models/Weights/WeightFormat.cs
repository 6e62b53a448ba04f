namespace XaiLab.Engine.Models.Weights;

/// <summary>File formats of a state dict (layer name → tensor) exchanged with PyTorch.</summary>
public enum WeightFormat
{
    /// <summary><c>torch.save(model.state_dict(), "x.pt")</c>: the zip-based pickle format of PyTorch 1.6 and later (.pt, .pth, .bin).</summary>
    PyTorch,

    /// <summary>Hugging Face safetensors (.safetensors): a JSON header and raw little-endian tensor data, no code execution.</summary>
    Safetensors,
}
