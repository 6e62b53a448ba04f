namespace XaiLab.Engine.Datasets.Nifti;

/// <summary>Which slices of a volume <see cref="NiftiDatasetReader"/> keeps.</summary>
public enum NiftiSliceSelection
{
    /// <summary>Slices holding at least one voxel of the volume's mask; needs a mask for every volume.</summary>
    Mask,

    /// <summary>Slices holding at least one non-zero physical value (after
    /// <c>scl_slope</c>/<c>scl_inter</c>).</summary>
    Nonzero,

    /// <summary>Every slice along the axis.</summary>
    All,
}
