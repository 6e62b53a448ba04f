using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// What an attribution method may ask of a model, in the spirit of PAIR saliency's call_model_function: methods never
/// touch the model, so every method serves every architecture. Inputs are batches [N, C, H, W] on any device; results
/// are new tensors on the input's device that the caller owns.
/// </summary>
public interface IModelProbe
{
    /// <summary>The explained output (probability or logit, see <see cref="ExplainedOutput"/>) for every class: [N, classes].</summary>
    Tensor Outputs(Tensor inputs);

    /// <summary>Gradient of the explained output of <paramref name="targets"/>[i] for row i with respect to the input: [N, C, H, W].</summary>
    Tensor InputGradients(Tensor inputs, long[] targets);

    /// <summary>
    /// Activations of the last convolutional layer and the gradient of the explained target output with respect to them,
    /// both [N, K, h, w] (Grad-CAM's ingredients).
    /// </summary>
    (Tensor Activations, Tensor Gradients) LayerGradients(Tensor inputs, long[] targets);
}
