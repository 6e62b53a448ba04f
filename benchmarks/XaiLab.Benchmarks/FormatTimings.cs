using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Models;
using XaiLab.Engine.Runtime;
using static TorchSharp.torch;

namespace XaiLab.Benchmarks;

/// <summary>
/// The levers of issue 12 point 4 on the attribution pass (input gradient through the probe) and on inference: batch
/// size, frozen parameters, channels-last strides and bf16, per model at 224 (32 in smoke mode).
/// </summary>
internal static class FormatTimings
{
    public static IEnumerable<Measurement> Run(BenchmarkOptions options)
    {
        var size = options.Smoke ? 32 : 224;
        var batch = options.Smoke ? 2 : 16;
        var formats = new (string Name, ComputeFormat Format)[]
        {
            ("fp32", ComputeFormat.Default),
            ("fp32 channels-last", new ComputeFormat(ChannelsLast: true)),
            ("bf16", new ComputeFormat(NumericPrecision.BFloat16)),
        };
        foreach (var architecture in new[] { Architecture.DenseNet121, Architecture.SmallCnn })
        {
            using var images = randn(batch, 1, size, size);
            using var single = images.narrow(0, 0, 1).contiguous();
            var targets = Enumerable.Repeat(1L, batch).ToArray();
            foreach (var (name, format) in formats)
            {
                manual_seed(1);
                using var model = ModelFactory.Create(new ModelSpec(architecture, InputChannels: 1, Classes: 3, InputSize: size));
                var probe = new ClassifierProbe(model, device: CPU, format: format);
                var load = Timing.LoadAverage();
                var (seconds, cpu) = Timing.Median(() => probe.InputGradients(images, targets).Dispose(), options.Repeats);
                yield return new Measurement("formats", $"fwd+bwd {name}, batch {batch}", architecture.ToString(), size, seconds / batch, "s/image", load, cpu / batch);
                load = Timing.LoadAverage();
                (seconds, cpu) = Timing.Median(() => probe.Outputs(images).Dispose(), options.Repeats);
                yield return new Measurement("formats", $"inference {name}, batch {batch}", architecture.ToString(), size, batch / seconds, "images/s", load);
                if (format == ComputeFormat.Default)
                {
                    load = Timing.LoadAverage();
                    (seconds, cpu) = Timing.Median(() => probe.InputGradients(single, [1]).Dispose(), options.Repeats);
                    yield return new Measurement("formats", "fwd+bwd fp32, batch 1", architecture.ToString(), size, seconds, "s/image", load, cpu);

                    // Without the probe's frozen parameters: autograd also builds the weights' gradient graph.
                    load = Timing.LoadAverage();
                    (seconds, cpu) = Timing.Median(() => BareInputGradient(model, images), options.Repeats);
                    yield return new Measurement("formats", $"fwd+bwd fp32 parameters not frozen, batch {batch}", architecture.ToString(), size, seconds / batch, "s/image", load, cpu / batch);
                }
            }
        }
    }

    private static void BareInputGradient(ClassifierModel model, Tensor images)
    {
        using var enableGrad = enable_grad();
        using var scope = NewDisposeScope();
        var x = images.detach().requires_grad_(true);
        var output = nn.functional.softmax(model.forward(x), 1)[.., 1].sum();
        torch.autograd.grad([output], [x]);
    }
}
