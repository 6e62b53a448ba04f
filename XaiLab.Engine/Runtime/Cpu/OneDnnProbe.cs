using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Engine.Runtime.Cpu;

/// <summary>
/// The work that is known to kill a process on some CPUs: a ResNet-50 training step (forward, loss, backward of every
/// 1x1 convolution) at each side in <see cref="Sides"/>. libtorch 2.10's oneDNN divides by zero in the blocking heuristic
/// of a 1x1 convolution's backward pass on AMD Zen 5 (<c>brgemm_convolution_bwd_utils::brg_blocking_t::est_eff_1x1</c>)
/// and the process dies with SIGFPE; no exception can catch it. The probe therefore runs in a short-lived child process
/// (<see cref="OneDnnIsaGuard"/>) and only its exit status is read.
/// </summary>
public static class OneDnnProbe
{
    /// <summary>The command-line argument that makes an XaiLab executable run the probe and exit.</summary>
    public const string Argument = "--xailab-onednn-probe";

    /// <summary>Exit code of a probe that finished every step.</summary>
    public const int Passed = 0;

    /// <summary>
    /// Input sides probed: the bottleneck shapes of the sizes the app offers (64, 128, 224) and 32, the smallest ResNet-50
    /// accepts, whose last stage is 1x1. The feature maps at 2x2 (64 px) were the first seen to fault.
    /// </summary>
    public static IReadOnlyList<int> Sides { get; } = [32, 64, 128, 224];

    /// <summary>Batch sizes probed at every side: the heuristic's blocking depends on the batch.</summary>
    public static IReadOnlyList<int> Batches { get; } = [1, 8, 16];

    /// <summary>Runs the steps in this process; returns <see cref="Passed"/> unless the process dies first.</summary>
    public static int Run(TextWriter log)
    {
        manual_seed(1);
        set_num_threads(Math.Max(1, Math.Min(Environment.ProcessorCount, 2)));
        foreach (var side in Sides)
        {
            using var model = ModelFactory.Create(new ModelSpec(Architecture.ResNet50, InputChannels: 1, Classes: 3, InputSize: side));
            model.train();
            foreach (var batch in Batches)
            {
                if (side == 224 && batch > 8)
                {
                    continue; // the 224 px shapes are covered at batch 8; 16 only adds seconds.
                }
                using var scope = NewDisposeScope();
                log.WriteLine($"resnet50 training step at {side} px, batch {batch}");
                log.Flush();
                var input = randn(batch, 1, side, side);
                var target = randint(0, 3, [batch], dtype: ScalarType.Int64);
                var loss = nn.functional.cross_entropy(model.call(input), target);
                loss.backward();
                model.zero_grad();
            }
        }
        return Passed;
    }
}
