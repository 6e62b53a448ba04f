using XaiLab.Engine.Models;

namespace XaiLab.Engine.Training;

/// <summary>A named set of training, input and head settings; see <see cref="TrainingPresets"/>.</summary>
/// <param name="Name">API name: "paper" or "default".</param>
/// <param name="Training">Optimiser, schedule, augmentation, loss weighting, early stopping, epochs, batch size.</param>
/// <param name="ImageSize">Input side in pixels.</param>
/// <param name="Head">Classifier head.</param>
public sealed record TrainingPreset(string Name, TrainingOptions Training, int ImageSize, HeadKind Head);
