namespace XaiLab.Engine.Models;

/// <summary>VGG19 (configuration E: 16 convolutions). See <see cref="Vgg"/>; Keras: 143.7M parameters with its top.</summary>
public sealed class Vgg19(ModelSpec spec) : Vgg(nameof(Vgg19), spec, [2, 2, 4, 4, 4]);
