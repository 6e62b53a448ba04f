using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Weights;

/// <summary>
/// Imports and exports PyTorch state dicts (.pt through TorchSharp.PyBridge's pickler, and .safetensors) for any
/// TorchSharp module, usually a <see cref="ClassifierModel"/>. Names are the module's own state-dict names by default;
/// with <see cref="StateDictNaming.Torchvision"/> they are torchvision's (<see cref="TorchvisionNames"/>), so
/// <c>torch.save(m.state_dict())</c> of a torchvision resnet50, vgg16/19, densenet121, inception_v3 or efficientnet_b0
/// with the same configuration loads here, and an exported file loads into that torchvision model.
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
        Write(stream, model.state_dict(), format);
    }

    /// <summary>Writes every parameter and buffer of <paramref name="model"/> to <paramref name="path"/> (format by
    /// extension) under the names of <paramref name="naming"/>; see the stream overload for <paramref name="metadata"/>.</summary>
    /// <exception cref="NotSupportedException">Torchvision naming for an architecture torchvision lacks.</exception>
    public static void Export(ClassifierModel model, string path, StateDictNaming naming, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var format = FormatOf(path);
        RequireMetadataFits(format, metadata);
        var rename = Renaming(model, naming);
        using var stream = File.Create(path);
        Export(model, stream, format, rename, metadata);
    }

    /// <summary>Writes every parameter and buffer of <paramref name="model"/> under the names of
    /// <paramref name="naming"/>; the stream is left open.</summary>
    /// <param name="metadata">Strings for the safetensors header's <c>__metadata__</c> (what
    /// <c>safe_open(path, "pt").metadata()</c> returns; the tensors are unchanged). Default none. Only for
    /// <see cref="WeightFormat.Safetensors"/>: a .pt file stays a plain state dict that <c>torch.load</c> reads.</param>
    /// <exception cref="NotSupportedException">Torchvision naming for an architecture torchvision lacks.</exception>
    /// <exception cref="ArgumentException">Metadata for <see cref="WeightFormat.PyTorch"/>.</exception>
    public static void Export(ClassifierModel model, Stream stream, WeightFormat format, StateDictNaming naming,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        RequireMetadataFits(format, metadata);
        Export(model, stream, format, Renaming(model, naming), metadata);
    }

    private static void Export(ClassifierModel model, Stream stream, WeightFormat format, Func<string, string> rename,
        IReadOnlyDictionary<string, string>? metadata)
    {
        using var scope = NewDisposeScope();
        var state = Renamed(model.state_dict(), rename);
        if (metadata is null)
        {
            Write(stream, state, format);
            return;
        }
        using var file = new MemoryStream();
        Write(file, state, format);
        stream.Write(SafetensorsMetadata.Insert(file.GetBuffer().AsSpan(0, (int)file.Length), metadata));
    }

    private static void RequireMetadataFits(WeightFormat format, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is not null && format != WeightFormat.Safetensors)
        {
            throw new ArgumentException(
                $"Only safetensors files carry metadata; a {format} state dict stays plain (serve its metadata beside it).", nameof(metadata));
        }
    }

    private static void Write(Stream stream, Dictionary<string, Tensor> state, WeightFormat format)
    {
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
        return Import(model.state_dict(), Read(stream, format), [], strict);
    }

    /// <summary>Reads <paramref name="path"/> (format by extension), named as <paramref name="naming"/> says, into
    /// <paramref name="model"/>; see <see cref="Import(ClassifierModel, Stream, WeightFormat, StateDictNaming, bool)"/>.</summary>
    public static StateDictReport Import(ClassifierModel model, string path, StateDictNaming naming, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        var format = FormatOf(path);
        var rename = Renaming(model, naming);
        using var stream = File.OpenRead(path);
        return Import(model, stream, format, naming, strict, rename);
    }

    /// <summary>
    /// As <see cref="Import(nn.Module, Stream, WeightFormat, bool)"/> for a file named as <paramref name="naming"/> says;
    /// the report names entries the file's way. With torchvision naming, entries XaiLab deliberately lacks (InceptionV3's
    /// auxiliary classifier) are skipped and listed in <see cref="StateDictReport.IgnoredKeys"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">Torchvision naming for an architecture torchvision lacks.</exception>
    public static StateDictReport Import(ClassifierModel model, Stream stream, WeightFormat format, StateDictNaming naming, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        return Import(model, stream, format, naming, strict, Renaming(model, naming));
    }

    private static StateDictReport Import(ClassifierModel model, Stream stream, WeightFormat format, StateDictNaming naming,
        bool strict, Func<string, string> rename)
    {
        using var scope = NewDisposeScope();
        var source = Read(stream, format);
        var ignored = naming == StateDictNaming.Torchvision
            ? source.Keys.Where(key => TorchvisionNames.IsIgnoredOnImport(model.Spec.Architecture, key)).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var key in ignored) source.Remove(key);
        return Import(Renamed(model.state_dict(), rename), source, ignored, strict);
    }

    /// <summary>Compares and copies by name; <paramref name="target"/> holds the model's own tensors under the file's names.</summary>
    private static StateDictReport Import(Dictionary<string, Tensor> target, Dictionary<string, Tensor> source,
        IReadOnlyList<string> ignored, bool strict)
    {
        var missing = target.Keys.Where(key => !source.ContainsKey(key)).ToList();
        var unexpected = source.Keys.Where(key => !target.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        var mismatched = target
            .Where(entry => source.TryGetValue(entry.Key, out var found) && !found.shape.SequenceEqual(entry.Value.shape))
            .Select(entry => new ShapeMismatch(entry.Key, entry.Value.shape, source[entry.Key].shape))
            .ToList();
        if (strict && (missing.Count > 0 || unexpected.Count > 0 || mismatched.Count > 0))
        {
            throw new StateDictMismatchException(new StateDictReport(0, missing, unexpected, mismatched) { IgnoredKeys = ignored });
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
        return new StateDictReport(loaded, missing, unexpected, mismatched) { IgnoredKeys = ignored };
    }

    private static Func<string, string> Renaming(ClassifierModel model, StateDictNaming naming)
    {
        var architecture = model.Spec.Architecture;
        switch (naming)
        {
            case StateDictNaming.XaiLab:
                return name => name;
            case StateDictNaming.Torchvision:
                // Here, before any file is touched.
                TorchvisionNames.RequireSupported(architecture);
                return name => TorchvisionNames.ToTorchvision(architecture, name);
            default:
                throw new ArgumentOutOfRangeException(nameof(naming), naming, "Unknown naming.");
        }
    }

    private static Dictionary<string, Tensor> Renamed(Dictionary<string, Tensor> state, Func<string, string> rename)
    {
        var renamed = new Dictionary<string, Tensor>(state.Count, StringComparer.Ordinal);
        foreach (var (key, tensor) in state)
        {
            if (!renamed.TryAdd(rename(key), tensor))
            {
                throw new InvalidOperationException($"Two state-dict entries map to the name '{rename(key)}'.");
            }
        }
        return renamed;
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
