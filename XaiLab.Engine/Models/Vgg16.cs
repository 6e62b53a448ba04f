namespace XaiLab.Engine.Models;

/// <summary>VGG16 (configuration D: 13 convolutions). See <see cref="Vgg"/>; Keras: 138.4M parameters with its top.</summary>
public sealed class Vgg16(ModelSpec spec) : Vgg(nameof(Vgg16), spec, [2, 2, 3, 3, 3]);
