using Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Pretrained;

/// <summary>
/// Reads ML.NET's ImageNet ResNet-18 (NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1,
/// tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx) into a <see cref="CntkResNet18"/>. The graph's names are CNTK's
/// ("Parameter91"), so weights are matched by graph order: every Conv with the BatchNormalization that consumes it, in
/// the order the nodes appear, against the network's convolutions; each shape is checked.
/// </summary>
public static class CntkResNet18OnnxImporter
{
    /// <summary>Builds a <see cref="CntkResNet18"/> with the weights of the ONNX file at <paramref name="path"/>.</summary>
    public static CntkResNet18 Load(string path)
    {
        var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph;
        var model = new CntkResNet18();
        try
        {
            LoadInto(model, graph);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        model.eval();
        return model;
    }

    /// <summary>
    /// The mean image of ML.NET's preprocessing graph (tools/DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx),
    /// [1, 3, 224, 224] in BGR order on the 0–255 scale: the network's input is BGR pixels minus this image.
    /// </summary>
    public static Tensor LoadMeanImage(string preprocessPath)
    {
        var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(preprocessPath)).Graph;
        var mean = graph.Initializer.SingleOrDefault(t => t.Dims.Count == 4)
            ?? throw new InvalidDataException("The preprocessing graph has no 4-d mean image.");
        return ToTensor(mean);
    }

    private static void LoadInto(CntkResNet18 model, GraphProto graph)
    {
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var normsByInput = graph.Node.Where(n => n.OpType == "BatchNormalization").ToDictionary(n => n.Input[0]);
        var pairs = graph.Node.Where(n => n.OpType == "Conv")
            .Select(conv => (Conv: conv, Norm: normsByInput.TryGetValue(conv.Output[0], out var norm)
                ? norm
                : throw new InvalidDataException($"Convolution {conv.Output[0]} is not followed by batch norm.")))
            .ToList();
        var targets = model.ConvolutionsInGraphOrder().ToList();
        if (pairs.Count != targets.Count)
        {
            throw new InvalidDataException($"The graph has {pairs.Count} convolutions; a CNTK ResNet-18 has {targets.Count}.");
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var ((conv, norm), (targetConv, targetNorm)) in pairs.Zip(targets))
        {
            Copy(initializers, conv.Input[1], targetConv.weight!);
            Copy(initializers, norm.Input[1], targetNorm.weight!);
            Copy(initializers, norm.Input[2], targetNorm.bias!);
            Copy(initializers, norm.Input[3], targetNorm.running_mean!);
            Copy(initializers, norm.Input[4], targetNorm.running_var!);
            var epsilon = norm.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
            if (Math.Abs(epsilon - targetNorm.eps) > 1e-9)
            {
                throw new InvalidDataException($"Batch norm {norm.Output[0]} has epsilon {epsilon}; the network uses {targetNorm.eps}.");
            }
        }
    }

    private static void Copy(Dictionary<string, TensorProto> initializers, string name, Tensor target)
    {
        var source = ToTensor(initializers.TryGetValue(name, out var proto)
            ? proto
            : throw new InvalidDataException($"Initializer {name} is missing."));
        if (!source.shape.SequenceEqual(target.shape))
        {
            throw new InvalidDataException(
                $"Initializer {name} has shape [{string.Join(", ", source.shape)}], the network expects [{string.Join(", ", target.shape)}].");
        }
        target.copy_(source);
    }

    private static Tensor ToTensor(TensorProto proto)
    {
        if (proto.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidDataException($"Initializer {proto.Name} is not float32.");
        }
        var values = proto.RawData.IsEmpty
            ? proto.FloatData.ToArray()
            : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(proto.RawData.Span).ToArray();
        return tensor(values, proto.Dims.ToArray());
    }
}
