using System.Diagnostics;
using TorchSharp;
using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Benchmarks;

/// <summary>
/// Where DenseNet121's time goes (the slowest path: XRAI's 200 input gradients): forward time of each stage of the
/// feature extractor at 224, batch 16 (in smoke mode 32, batch 2), with the stage's share of the whole forward pass.
/// </summary>
internal static class LayerProfile
{
    public static IEnumerable<Measurement> Run(BenchmarkOptions options)
    {
        var size = options.Smoke ? 32 : 224;
        var batch = options.Smoke ? 2 : 16;
        manual_seed(1);
        using var model = ModelFactory.Create(new ModelSpec(Architecture.DenseNet121, InputChannels: 1, Classes: 3, InputSize: size));
        model.eval();
        var features = (nn.Module<Tensor, Tensor>)model.named_children().Single(c => c.name == "features").module;
        var stages = features.named_children().Select(c => (c.name, Module: (nn.Module<Tensor, Tensor>)c.module)).ToList();
        using var images = randn(batch, 1, size, size);
        var totals = new double[stages.Count];
        var repeats = Math.Max(1, options.Repeats);
        using (no_grad())
        {
            for (var r = 0; r <= repeats; r++)
            {
                using var scope = NewDisposeScope();
                var x = images;
                for (var s = 0; s < stages.Count; s++)
                {
                    var clock = Stopwatch.StartNew();
                    x = stages[s].Module.call(x);
                    if (r > 0) totals[s] += clock.Elapsed.TotalSeconds; // r = 0 warms up
                }
            }
        }
        var load = Timing.LoadAverage();
        var sum = totals.Sum();
        for (var s = 0; s < stages.Count; s++)
        {
            yield return new Measurement("profile", $"forward {stages[s].name} ({100 * totals[s] / sum:F1}% of features)", "DenseNet121", size,
                totals[s] / repeats / batch, "s/image", load);
        }
    }
}
