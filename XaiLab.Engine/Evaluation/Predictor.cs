using TorchSharp;
using XaiLab.Engine.Models;
using XaiLab.Engine.Training;
using static TorchSharp.torch;

namespace XaiLab.Engine.Evaluation;

/// <summary>Class probabilities of a trained model for every sample of a source.</summary>
public static class Predictor
{
    /// <summary>
    /// Softmax probabilities [sample][class] in eval mode without gradients. The model is moved to
    /// <paramref name="device"/> and restored to train mode afterwards if it was training.
    /// </summary>
    public static float[][] Predict(ClassifierModel model, ISampleSource source, int batchSize, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var wasTraining = model.training;
        model.to(device);
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            var spec = model.Spec;
            var result = new float[source.Count][];
            var all = Enumerable.Range(0, source.Count).ToArray();
            for (var start = 0; start < all.Length; start += batchSize)
            {
                var indices = all.AsSpan(start, Math.Min(batchSize, all.Length - start));
                using var scope = NewDisposeScope();
                var inputs = SampleBatches.Inputs(source, indices, spec.InputChannels, spec.InputSize, device);
                var probabilities = nn.functional.softmax(model.forward(inputs), 1).cpu().data<float>().ToArray();
                for (var i = 0; i < indices.Length; i++)
                {
                    result[start + i] = probabilities.AsSpan(i * spec.Classes, spec.Classes).ToArray();
                }
            }
            return result;
        }
        finally
        {
            if (wasTraining)
            {
                model.train();
            }
        }
    }
}
