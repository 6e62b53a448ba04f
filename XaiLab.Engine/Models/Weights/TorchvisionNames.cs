using System.Globalization;
using System.Text.RegularExpressions;

namespace XaiLab.Engine.Models.Weights;

/// <summary>
/// Translates XaiLab state-dict names to torchvision's and back for the architectures torchvision has (checked against
/// torchvision 0.26's own state dicts: <c>scripts/torchvision-state-dict-names.py</c>). XaiLab keeps its own module
/// layout — the feature map / head split that Grad-CAM and embeddings use — so names differ only by these rules:
/// <list type="bullet">
/// <item>every classifier: XaiLab's <c>head.classifier</c> is torchvision's <c>fc</c> (ResNet50, InceptionV3),
/// <c>classifier</c> (DenseNet121), <c>classifier.1</c> (EfficientNetB0) or <c>classifier.6</c> (VGG, whose flatten
/// head's <c>head.hidden.fc1</c>/<c>fc2</c> are <c>classifier.0</c>/<c>classifier.3</c>);</item>
/// <item>InceptionV3: XaiLab's <c>features.</c> prefix is dropped (torchvision registers the layers at the top);
/// torchvision's auxiliary classifier (<c>AuxLogits.*</c>, used only in its training) has no counterpart and is
/// ignored on import; the 7x7 branches of <c>Mixed_6b</c>-<c>Mixed_6e</c> and <c>Mixed_7a</c>'s branches are
/// sequences here (<c>branch7x7dbl.1</c>), separate modules there (<c>branch7x7dbl_1</c>);</item>
/// <item>EfficientNetB0: <c>stem</c>/<c>top</c> are <c>features.0</c>/<c>features.8</c>, block k of the flat
/// <c>blocks</c> list is <c>features.{stage}.{index}.block</c>, whose parts are numbered (expand, depthwise, se,
/// project, without expand in stage 1), and each ConvBnAct's <c>conv</c>/<c>bn</c> are <c>0</c>/<c>1</c>.</item>
/// </list>
/// ResNet50's and DenseNet121's backbones already carry torchvision's names. Numerically, ResNet50, VGG and DenseNet121
/// are torchvision's networks; InceptionV3 and EfficientNetB0 follow Keras (batch-norm epsilon 1e-3 where torchvision's
/// EfficientNet-B0 uses 1e-5; Inception's average pools exclude padding), so imported weights give close, not
/// bit-identical, outputs there.
/// </summary>
public static partial class TorchvisionNames
{
    private static readonly int[] EfficientNetStageRepeats = [1, 2, 2, 3, 3, 4, 1];

    /// <summary>Whether torchvision has the architecture (and so the naming applies).</summary>
    public static bool Supports(Architecture architecture) => architecture is Architecture.ResNet50 or Architecture.Vgg16
        or Architecture.Vgg19 or Architecture.DenseNet121 or Architecture.InceptionV3 or Architecture.EfficientNetB0;

    /// <summary>The torchvision name of the XaiLab state-dict entry <paramref name="name"/>.</summary>
    /// <exception cref="NotSupportedException">torchvision has no such architecture.</exception>
    public static string ToTorchvision(Architecture architecture, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        RequireSupported(architecture);
        return architecture switch
        {
            Architecture.ResNet50 => Replace(name, "head.classifier.", "fc."),
            Architecture.DenseNet121 => Replace(name, "head.classifier.", "classifier."),
            Architecture.Vgg16 or Architecture.Vgg19 => Replace(Replace(Replace(name,
                "head.hidden.fc1.", "classifier.0."), "head.hidden.fc2.", "classifier.3."), "head.classifier.", "classifier.6."),
            Architecture.InceptionV3 => InceptionSequentialBranch().Replace(
                Replace(Replace(name, "features.", ""), "head.classifier.", "fc."),
                match => $".{match.Groups["branch"].Value}_{match.Groups["index"].Value}."),
            _ => EfficientNetToTorchvision(name),
        };
    }

    /// <summary>The XaiLab name of the torchvision state-dict entry <paramref name="name"/> (names no rule covers are
    /// returned unchanged, so they show up as unexpected keys).</summary>
    /// <exception cref="NotSupportedException">torchvision has no such architecture.</exception>
    public static string FromTorchvision(Architecture architecture, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        RequireSupported(architecture);
        return architecture switch
        {
            Architecture.ResNet50 => Replace(name, "fc.", "head.classifier."),
            Architecture.DenseNet121 => Replace(name, "classifier.", "head.classifier."),
            Architecture.Vgg16 or Architecture.Vgg19 => Replace(Replace(Replace(name,
                "classifier.0.", "head.hidden.fc1."), "classifier.3.", "head.hidden.fc2."), "classifier.6.", "head.classifier."),
            Architecture.InceptionV3 => name.StartsWith("fc.", StringComparison.Ordinal)
                ? "head.classifier." + name["fc.".Length..]
                : "features." + TorchvisionInceptionBranch().Replace(name,
                    match => $"{match.Groups["module"].Value}.{match.Groups["branch"].Value}.{match.Groups["number"].Value}."),
            _ => EfficientNetFromTorchvision(name),
        };
    }

    /// <summary>torchvision entries XaiLab deliberately has no place for (InceptionV3's auxiliary classifier): skipped on
    /// import and reported as ignored rather than unexpected.</summary>
    public static bool IsIgnoredOnImport(Architecture architecture, string torchvisionName) =>
        architecture == Architecture.InceptionV3 && torchvisionName.StartsWith("AuxLogits.", StringComparison.Ordinal);

    /// <exception cref="NotSupportedException">torchvision has no such architecture.</exception>
    internal static void RequireSupported(Architecture architecture)
    {
        if (!Supports(architecture))
        {
            throw new NotSupportedException(
                $"torchvision has no {architecture.ToApiName()}; exchange its weights with XaiLab's own state-dict names.");
        }
    }

    private static string Replace(string name, string prefix, string replacement) =>
        name.StartsWith(prefix, StringComparison.Ordinal) ? replacement + name[prefix.Length..] : name;

    private static string EfficientNetToTorchvision(string name)
    {
        if (name.StartsWith("head.classifier.", StringComparison.Ordinal)) return Replace(name, "head.classifier.", "classifier.1.");
        if (name.StartsWith("stem.", StringComparison.Ordinal)) return "features.0." + ConvBnIndex(name["stem.".Length..]);
        if (name.StartsWith("top.", StringComparison.Ordinal)) return "features.8." + ConvBnIndex(name["top.".Length..]);
        var match = XaiLabBlock().Match(name);
        if (!match.Success) return name;
        var block = int.Parse(match.Groups["block"].Value, CultureInfo.InvariantCulture);
        var (stage, index) = StageOf(block);
        var hasExpand = stage > 1;
        var part = match.Groups["part"].Value;
        var position = part switch
        {
            "expand" => 0,
            "depthwise" => hasExpand ? 1 : 0,
            "se" => hasExpand ? 2 : 1,
            _ => hasExpand ? 3 : 2,
        };
        var rest = part == "se" ? match.Groups["rest"].Value : ConvBnIndex(match.Groups["rest"].Value);
        return $"features.{stage}.{index}.block.{position}.{rest}";
    }

    private static string EfficientNetFromTorchvision(string name)
    {
        if (name.StartsWith("classifier.1.", StringComparison.Ordinal)) return Replace(name, "classifier.1.", "head.classifier.");
        if (name.StartsWith("features.0.", StringComparison.Ordinal)) return "stem." + ConvBnName(name["features.0.".Length..]);
        if (name.StartsWith("features.8.", StringComparison.Ordinal)) return "top." + ConvBnName(name["features.8.".Length..]);
        var match = TorchvisionBlock().Match(name);
        if (!match.Success) return name;
        var stage = int.Parse(match.Groups["stage"].Value, CultureInfo.InvariantCulture);
        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        if (stage is < 1 or > 7 || index >= EfficientNetStageRepeats[stage - 1]) return name;
        var block = EfficientNetStageRepeats.Take(stage - 1).Sum() + index;
        var position = int.Parse(match.Groups["position"].Value, CultureInfo.InvariantCulture) + (stage > 1 ? 0 : 1);
        var rest = match.Groups["rest"].Value;
        return position switch
        {
            0 => $"blocks.{block}.expand.{ConvBnName(rest)}",
            1 => $"blocks.{block}.depthwise.{ConvBnName(rest)}",
            2 => $"blocks.{block}.se.{rest}",
            3 => $"blocks.{block}.project.{ConvBnName(rest)}",
            _ => name,
        };
    }

    private static (int Stage, int Index) StageOf(int block)
    {
        for (var stage = 0; stage < EfficientNetStageRepeats.Length; stage++)
        {
            if (block < EfficientNetStageRepeats[stage]) return (stage + 1, block);
            block -= EfficientNetStageRepeats[stage];
        }
        throw new ArgumentOutOfRangeException(nameof(block), "EfficientNet-B0 has 16 blocks.");
    }

    // ConvBnAct's "conv.weight" / "bn.running_mean" are torchvision Conv2dNormActivation's "0.weight" / "1.running_mean".
    private static string ConvBnIndex(string rest) => Replace(Replace(rest, "conv.", "0."), "bn.", "1.");

    private static string ConvBnName(string rest) => Replace(Replace(rest, "0.", "conv."), "1.", "bn.");

    // XaiLab's InceptionC/InceptionD keep these branches as Sequential modules: "branch7x7dbl.1." is "branch7x7dbl_1.".
    [GeneratedRegex(@"\.(?<branch>branch7x7|branch7x7dbl|branch7x7x3|branch3x3)\.(?<index>\d+)\.")]
    private static partial Regex InceptionSequentialBranch();

    // The reverse; "branch3x3_N" is a sequence only in Mixed_7a (InceptionE's branch3x3_1 is a module of its own).
    [GeneratedRegex(@"^(?<module>Mixed_6[b-e]|Mixed_7a)\.(?<branch>branch7x7|branch7x7dbl|branch7x7x3|branch3x3)_(?<number>\d+)\.")]
    private static partial Regex TorchvisionInceptionBranch();

    [GeneratedRegex(@"^blocks\.(?<block>\d+)\.(?<part>expand|depthwise|se|project)\.(?<rest>.+)$")]
    private static partial Regex XaiLabBlock();

    [GeneratedRegex(@"^features\.(?<stage>\d+)\.(?<index>\d+)\.block\.(?<position>\d+)\.(?<rest>.+)$")]
    private static partial Regex TorchvisionBlock();
}
