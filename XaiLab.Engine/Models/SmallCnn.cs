using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// A small, fast CNN for CPU work and tests: four blocks of 3x3 convolution, batch norm, ReLU and 2x2 max pooling
/// (16, 32, 64, 128 channels). Minimum input 16 px.
/// </summary>
public sealed class SmallCnn : ClassifierModel
{
    /// <summary>Smallest input side the four pooling stages accept.</summary>
    public const int MinimumInputSize = 16;

    private static readonly int[] Widths = [16, 32, 64, 128];

    private readonly Sequential features;
    private readonly ClassifierHead head;

    public SmallCnn(ModelSpec spec) : base(nameof(SmallCnn), spec)
    {
        if (spec.InputSize < MinimumInputSize)
        {
            throw new ArgumentOutOfRangeException(nameof(spec),
                $"smallcnn needs inputs of at least {MinimumInputSize}x{MinimumInputSize}; got {spec.InputSize}.");
        }

        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long inChannels = spec.InputChannels;
        for (var i = 0; i < Widths.Length; i++)
        {
            layers.Add(($"conv{i + 1}", nn.Conv2d(inChannels, Widths[i], 3, padding: 1, bias: false)));
            layers.Add(($"bn{i + 1}", nn.BatchNorm2d(Widths[i])));
            layers.Add(($"relu{i + 1}", nn.ReLU()));
            layers.Add(($"pool{i + 1}", nn.MaxPool2d(2)));
            inChannels = Widths[i];
        }
        features = nn.Sequential(layers);
        var featureSize = spec.InputSize >> Widths.Length;
        head = new ClassifierHead(spec.Head, inChannels, featureSize, spec.Classes);
        RegisterComponents();
    }

    public override Tensor ForwardFeatureMap(Tensor input) => features.call(input);

    public override Tensor Embed(Tensor featureMap) => head.Embed(featureMap);

    public override Tensor ForwardHead(Tensor featureMap) => head.call(featureMap);
}
