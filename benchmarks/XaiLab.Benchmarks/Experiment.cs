using System.Diagnostics;
using TorchSharp;
using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Benchmarks;

internal static class Experiment
{
    public static void Run(string[] args)
    {
        torch.set_num_threads(int.Parse(Environment.GetEnvironmentVariable("XAI_THREADS") ?? "2"));
        var size = int.Parse(args.ElementAtOrDefault(1) ?? "224");
        var batch = int.Parse(args.ElementAtOrDefault(2) ?? "16");
        manual_seed(1);
        var model = ModelFactory.Create(new ModelSpec(Architecture.DenseNet121, InputChannels: 1, Classes: 3, InputSize: size));
        model.eval();
        var x = randn(batch, 1, size, size);
        void Time(string name, Func<Tensor, Tensor> f, Tensor input, int reps = 2)
        {
            using (NewDisposeScope()) f(input);
            var p = Process.GetCurrentProcess();
            var cpu0 = p.TotalProcessorTime; var w = Stopwatch.StartNew();
            for (var r = 0; r < reps; r++) using (NewDisposeScope()) f(input);
            p.Refresh();
            Console.WriteLine($"{name,-40} {w.Elapsed.TotalSeconds / reps / input.shape[0] * 1000,8:F1} ms/img  cpu {(p.TotalProcessorTime - cpu0).TotalSeconds / reps / input.shape[0] * 1000,8:F1} ms/img  load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        Tensor Fwd(Tensor i) { using var ng = no_grad(); return model.forward(i); }
        Tensor Grad(Tensor i)
        {
            using var eg = enable_grad();
            var leaf = i.detach().requires_grad_(true);
            var o = nn.functional.softmax(model.forward(leaf), 1)[.., 1].sum();
            return torch.autograd.grad([o], [leaf])[0];
        }
        var mode = args.ElementAtOrDefault(3) ?? "all";
        Time("forward fp32", Fwd, x);
        Time("fwd+bwd fp32", Grad, x);
        if (mode is "all" or "nograd")
        {
            foreach (var p in model.parameters()) p.requires_grad_(false);
            Time("fwd+bwd fp32 params frozen", Grad, x);
            foreach (var p in model.parameters()) p.requires_grad_(true);
        }
        var cl = x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
        Console.WriteLine($"cl strides {string.Join(",", cl.stride())}");
        Time("forward fp32 channels-last", Fwd, cl);
        Time("fwd+bwd fp32 channels-last", Grad, cl);
        using (no_grad())
        {
            foreach (var p in model.parameters()) if (p.dim() == 4) p.set_(p.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2));
        }
        Time("forward fp32 channels-last weights too", Fwd, cl);
        Time("fwd+bwd fp32 channels-last weights too", Grad, cl);
        if (mode == "nograd") return;
        if (mode is "all" or "bf16")
        {
            model.to(ScalarType.BFloat16);
            var xb = x.to(ScalarType.BFloat16);
            Time("forward bf16", Fwd, xb, 1);
            Time("fwd+bwd bf16", Grad, xb, 1);
        }
    }
}
