namespace XaiLab.Engine.Models.Weights;

/// <summary>Which names a state-dict file uses for a model's tensors.</summary>
public enum StateDictNaming
{
    /// <summary>The model's own state-dict names (default): every architecture, lossless round trips.</summary>
    XaiLab,

    /// <summary>
    /// torchvision's names for the same architecture (resnet50, vgg16, vgg19, densenet121, inception_v3,
    /// efficientnet_b0), so <c>model.load_state_dict(...)</c> in PyTorch takes the file and back; see
    /// <see cref="TorchvisionNames"/>.
    /// </summary>
    Torchvision,
}
