namespace XaiLab.Engine.Models.Pretrained;

/// <summary>
/// Where the offline ImageNet weights live: ML.NET's DnnImageFeaturizer ONNX files (NuGet
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1, copied into the build output by XaiLab.Web).
/// </summary>
public static class PretrainedWeights
{
    /// <summary>
    /// Folder holding ResNet18Onnx/ResNet18.onnx and ResNetPrepOnnx/ResNetPreprocess.onnx. Default: DnnImageModels beside
    /// the application; the environment variable XAILAB_PRETRAINED_DIRECTORY overrides it.
    /// </summary>
    public static string Directory { get; set; } =
        Environment.GetEnvironmentVariable("XAILAB_PRETRAINED_DIRECTORY") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "DnnImageModels");

    /// <summary>The ResNet-18 graph.</summary>
    public static string ResNet18Path => Path.Combine(Directory, "ResNet18Onnx", "ResNet18.onnx");

    /// <summary>The preprocessing graph with the mean image.</summary>
    public static string ResNet18PreprocessPath => Path.Combine(Directory, "ResNetPrepOnnx", "ResNetPreprocess.onnx");

    /// <summary>Throws a <see cref="FileNotFoundException"/> naming the package when a weights file is missing.</summary>
    internal static string Require(string path) => File.Exists(path)
        ? path
        : throw new FileNotFoundException(
            $"Pretrained weights not found at {path}. They come from the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 " +
            "(XaiLab.Web copies them into its output); set XAILAB_PRETRAINED_DIRECTORY to the folder holding ResNet18Onnx/.", path);
}
