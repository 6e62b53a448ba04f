namespace XaiLab.Engine.Models;

/// <summary>
/// The API names of <see cref="Architecture"/> values ("smallcnn", "vgg16", ...). They are a contract with scripts outside
/// the project: extend, never rename.
/// </summary>
public static class ArchitectureNames
{
    private static readonly Dictionary<Architecture, string> Names = new()
    {
        [Architecture.SmallCnn] = "smallcnn",
        [Architecture.Vgg16] = "vgg16",
        [Architecture.Vgg19] = "vgg19",
        [Architecture.ResNet50] = "resnet50",
        [Architecture.ResNet50V2] = "resnet50v2",
        [Architecture.InceptionV3] = "inceptionv3",
        [Architecture.Xception] = "xception",
        [Architecture.EfficientNetB0] = "efficientnetb0",
        [Architecture.DenseNet121] = "densenet121",
        [Architecture.InceptionResNetV2] = "inceptionresnetv2",
        [Architecture.ResNet18ImageNet] = "resnet18-imagenet",
    };

    private static readonly Dictionary<string, Architecture> ByName =
        Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>All architectures with their API names, in declaration order.</summary>
    public static IReadOnlyDictionary<Architecture, string> All => Names;

    public static string ToApiName(this Architecture architecture) => Names[architecture];

    public static bool TryParse(string? name, out Architecture architecture) =>
        ByName.TryGetValue(name?.Trim() ?? string.Empty, out architecture);

    /// <summary>Parses an API name; the error lists the valid names.</summary>
    public static Architecture Parse(string? name) =>
        TryParse(name, out var architecture)
            ? architecture
            : throw new ArgumentException(
                $"Unknown architecture '{name}'. Valid names: {string.Join(", ", Names.Values)}.", nameof(name));
}
