using TorchSharp;
using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Benchmarks;

/// <summary>Training and inference images per second per architecture and input size (1 channel, 3 classes, CPU).</summary>
internal static class ModelThroughput
{
    public static IEnumerable<Measurement> Run(BenchmarkOptions options)
    {
        var trainBatch = options.Smoke ? 2 : 8;
        var inferBatch = options.Smoke ? 2 : 16;
        foreach (var architecture in options.Architectures)
        {
            foreach (var size in options.Sizes.Where(s => s >= ModelFactory.MinimumInputSize(architecture)))
            {
                manual_seed(1);
                using var model = ModelFactory.Create(new ModelSpec(architecture, InputChannels: 1, Classes: 3, InputSize: size));
                using var images = randn(trainBatch, 1, size, size);
                using var labels = randint(0, 3, [trainBatch], ScalarType.Int64);
                using var optimizer = optim.SGD(model.parameters(), 1e-3, momentum: 0.9);
                model.train();
                var load = Timing.LoadAverage();
                var (train, trainCpu) = Timing.Median(() =>
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(images), labels);
                    loss.backward();
                    optimizer.step();
                }, options.Repeats);
                yield return new Measurement("models", "training", architecture.ToString(), size, trainBatch / train, "images/s", load, trainCpu);

                model.eval();
                using var inferImages = randn(inferBatch, 1, size, size);
                load = Timing.LoadAverage();
                var (infer, inferCpu) = Timing.Median(() =>
                {
                    using var noGrad = no_grad();
                    using var scope = NewDisposeScope();
                    model.forward(inferImages);
                }, options.Repeats);
                yield return new Measurement("models", "inference", architecture.ToString(), size, inferBatch / infer, "images/s", load, inferCpu);
            }
        }
    }
}
