using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Phantoms;

/// <summary>One synthetic brain MRI slice with its exact tumour mask.</summary>
/// <param name="Index">Position in the generated sequence, 0-based.</param>
/// <param name="PatientId">Synthetic patient, e.g. "P007"; all slices of a patient share class and anatomy.</param>
/// <param name="Label">Class index into <see cref="PhantomGenerator.ClassNames"/>.</param>
/// <param name="ClassName">The class name of <paramref name="Label"/>.</param>
/// <param name="Image">16-bit slice, values 0..4095.</param>
/// <param name="Mask">Exactly the tumour pixels.</param>
public sealed record PhantomSlice(int Index, string PatientId, int Label, string ClassName, SliceImage Image, BinaryMask Mask);
