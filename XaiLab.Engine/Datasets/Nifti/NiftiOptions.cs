namespace XaiLab.Engine.Datasets.Nifti;

/// <summary>Layout and slicing settings for <see cref="NiftiDatasetReader"/>.</summary>
public sealed record NiftiOptions
{
    /// <summary>The defaults below.</summary>
    public static NiftiOptions Default { get; } = new();

    /// <summary>
    /// Voxel axis the volumes are cut along: 0 (i, sagittal in the usual storage), 1 (j, coronal) or 2 (k, axial).
    /// Default 2, the third axis, along which scanners and converters stack the acquired slices.
    /// </summary>
    public int Axis { get; init; } = 2;

    /// <summary>
    /// Which slices to keep. Default null: <see cref="NiftiSliceSelection.Mask"/> for a volume that has a mask and
    /// <see cref="NiftiSliceSelection.Nonzero"/> for one that has none, so that a tumour class with masks and a healthy
    /// class without them both import (their slices are then chosen differently: check for a shortcut).
    /// </summary>
    public NiftiSliceSelection? Slices { get; init; }

    /// <summary>
    /// Which volume of a 4-D series (dim[4] &gt; 1) to import, from 0; 3-D files have one volume and ignore it.
    /// Default null: 4-D files are refused, since no single choice (the first echo, the b0 image, the mean) fits every
    /// series.
    /// </summary>
    public int? VolumeIndex { get; init; }

    /// <summary>
    /// Top folder holding mask volumes under the same relative paths as the volumes (<c>masks/glioma/p1.nii.gz</c> for
    /// <c>glioma/p1.nii.gz</c>; <c>.nii</c> and <c>.nii.gz</c> may differ); it is not a class. Default <c>masks</c>.
    /// </summary>
    public string MasksFolder { get; init; } = "masks";

    /// <summary>
    /// CSV at the root with the header <c>file,patient_id</c> and an optional third column <c>label</c>, as for
    /// image folders (<see cref="Sources.PatientLabelsCsv"/>). Default <c>labels.csv</c>; ignored when absent.
    /// </summary>
    public string LabelsCsv { get; init; } = "labels.csv";
}
