using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Weights;

/// <summary>
/// Imports and exports PyTorch state dicts (.pt through TorchSharp.PyBridge's pickler, and .safetensors) for any
/// TorchSharp module, usually a <see cref="ClassifierModel"/>. Names are the module's state-dict names, which follow
/// torchvision where the architecture exists there (ResNet50, VGG, DenseNet121), so <c>torch.save(m.state_dict())</c>
/// of a torchvision model with the same configuration loads here and back.
/// </summary>
public static class StateDictExchange
{
    /// <summary>The format a file name implies: .safetensors, or .pt / .pth / .bin for PyTorch's zip pickle.</summary>
    public static WeightFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".safetensors" => WeightFormat.Safetensors,
            ".pt" or ".pth" or ".bin" => WeightFormat.PyTorch,
            var other => throw new ArgumentException(
                $"Cannot tell the weight format of '{Path.GetFileName(path)}' ({other}): use .pt, .pth, .bin or .safetensors.", nameof(path)),
        };
    }

    /// <summary>Writes every parameter and buffer of <paramref name="model"/> to <paramref name="path"/>, format by extension.</summary>
    public static void Export(nn.Module model, string path)
    {
        var format = FormatOf(path);
        using var stream = File.Create(path);
        Export(model, stream, format);
    }

    /// <summary>Writes every parameter and buffer of <paramref name="model"/>; the stream is left open.</summary>
    public static void Export(nn.Module model, Stream stream, WeightFormat format)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var scope = NewDisposeScope();
        var state = model.state_dict();
        switch (format)
        {
            case WeightFormat.PyTorch:
                PyTorchPickler.PickleStateDict(stream, state, leaveOpen: true);
                break;
            case WeightFormat.Safetensors:
                Safetensors.SaveStateDict(stream, state, leaveOpen: true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown weight format.");
        }
    }

    /// <summary>Reads <paramref name="path"/> (format by extension) into <paramref name="model"/>; see the stream overload.</summary>
    public static StateDictReport Import(nn.Module model, string path, bool strict = true)
    {
        var format = FormatOf(path);
        using var stream = File.OpenRead(path);
        return Import(model, stream, format, strict);
    }

    /// <summary>
    /// Copies the file's tensors into <paramref name="model"/> by state-dict name, converting dtype and device to the
    /// model's. With <paramref name="strict"/> (default true) any missing, unexpected or mis-shaped entry throws
    /// <see cref="StateDictMismatchException"/> with the report and nothing is loaded; otherwise every entry whose name
    /// and shape match is loaded, the rest are reported (PyTorch's <c>strict=False</c>, which would fail on shapes).
    /// </summary>
    public static StateDictReport Import(nn.Module model, Stream stream, WeightFormat format, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var scope = NewDisposeScope();
        var source = Read(stream, format);
        var target = model.state_dict();

        var missing = target.Keys.Where(key => !source.ContainsKey(key)).ToList();
        var unexpected = source.Keys.Where(key => !target.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        var mismatched = target
            .Where(entry => source.TryGetValue(entry.Key, out var found) && !found.shape.SequenceEqual(entry.Value.shape))
            .Select(entry => new ShapeMismatch(entry.Key, entry.Value.shape, source[entry.Key].shape))
            .ToList();
        if (strict && (missing.Count > 0 || unexpected.Count > 0 || mismatched.Count > 0))
        {
            throw new StateDictMismatchException(new StateDictReport(0, missing, unexpected, mismatched));
        }

        var loaded = 0;
        using (no_grad())
        {
            foreach (var (key, tensor) in target)
            {
                if (source.TryGetValue(key, out var found) && found.shape.SequenceEqual(tensor.shape))
                {
                    tensor.copy_(found);
                    loaded++;
                }
            }
        }
        return new StateDictReport(loaded, missing, unexpected, mismatched);
    }

    private static Dictionary<string, Tensor> Read(Stream stream, WeightFormat format)
    {
        switch (format)
        {
            case WeightFormat.PyTorch:
                var table = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true);
                return table.Cast<DictionaryEntry>().ToDictionary(
                    entry => (string)entry.Key,
                    entry => entry.Value as Tensor ?? throw new InvalidDataException(
                        $"State-dict entry '{entry.Key}' is not a tensor: the file is not a plain state dict."));
            case WeightFormat.Safetensors:
                return Safetensors.LoadStateDict(stream, leaveOpen: true);
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown weight format.");
        }
    }
}
