using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Dicom;
using XaiLab.Engine.Datasets.Nifti;

namespace XaiLab.Web.Services.Datasets;

/// <summary>
/// The upload's settings for volumes and series (form fields <c>axis</c>, <c>slices</c>, <c>volumeIndex</c>,
/// <c>pseudonymise</c>), validated when the upload arrives and carried to the import job. Defaults: the NIfTI reader's
/// (third axis; the slices that touch the mask, or hold a non-zero voxel; 3-D only) and PatientIDs kept as they are.
/// </summary>
public sealed record VolumeImportSettings(int? Axis = null, string? Slices = null, int? VolumeIndex = null, bool Pseudonymise = false)
{
    public static VolumeImportSettings Default { get; } = new();

    /// <exception cref="RequestValidationException">An axis other than 0, 1 or 2, an unknown slice choice, a negative volume index.</exception>
    public VolumeImportSettings Validated()
    {
        if (Axis is not (null or 0 or 1 or 2))
        {
            throw new RequestValidationException($"axis must be 0, 1 or 2 (the voxel axis to cut along); got {Axis}.");
        }
        _ = ParseSlices(Slices);
        if (VolumeIndex is < 0)
        {
            throw new RequestValidationException($"volumeIndex must be 0 or more; got {VolumeIndex}.");
        }
        return this;
    }

    /// <summary>The import options with these settings; <paramref name="pseudonymKey"/> is used when pseudonymising.</summary>
    public ImportOptions ApplyTo(ImportOptions options, string? pseudonymKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            Nifti = options.Nifti with
            {
                Axis = Axis ?? options.Nifti.Axis,
                Slices = ParseSlices(Slices) ?? options.Nifti.Slices,
                VolumeIndex = VolumeIndex ?? options.Nifti.VolumeIndex,
            },
            Dicom = Pseudonymise ? options.Dicom with { Pseudonymise = true, PseudonymKey = pseudonymKey } : options.Dicom,
        };
    }

    private static NiftiSliceSelection? ParseSlices(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "mask" => NiftiSliceSelection.Mask,
        "nonzero" => NiftiSliceSelection.Nonzero,
        "all" => NiftiSliceSelection.All,
        _ => throw new RequestValidationException($"slices must be mask, nonzero or all; got '{name}'."),
    };
}
