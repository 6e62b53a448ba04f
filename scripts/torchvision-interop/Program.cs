// Writes DenseNet121 and EfficientNetB0 (1 channel, 3 classes, 64 px, batch-norm statistics moved by three training
// passes) in torchvision names, plus an input and XaiLab's output, for check.py: dotnet run -c Release -- DIR
using TorchSharp.PyBridge;
using XaiLab.Engine.Models;
using XaiLab.Engine.Models.Weights;
using static TorchSharp.torch;
var outDir = args[0];
Directory.CreateDirectory(outDir);
foreach (var (arch, size) in new[] { (Architecture.DenseNet121, 64), (Architecture.EfficientNetB0, 64) })
{
    manual_seed(11);
    using var model = ModelFactory.Create(new ModelSpec(arch, 1, 3, size));
    model.train();
    using (no_grad()) for (var i = 0; i < 3; i++) model.forward(randn(8, 1, size, size));
    model.eval();
    StateDictExchange.Export(model, Path.Combine(outDir, $"{arch.ToApiName()}.safetensors"), StateDictNaming.Torchvision);
    var input = randn(2, 1, size, size);
    using var ng = no_grad();
    var output = model.forward(input);
    Safetensors.SaveStateDict(Path.Combine(outDir, $"{arch.ToApiName()}-io.safetensors"), new Dictionary<string, Tensor> { ["input"] = input, ["output"] = output });
    Console.WriteLine($"{arch}: {output.data<float>().ToArray().Take(3).Select(v => v.ToString("0.0000")).Aggregate((a, b) => a + " " + b)}");
}
