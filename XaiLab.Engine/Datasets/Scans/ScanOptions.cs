namespace XaiLab.Engine.Datasets.Scans;

/// <summary>How to take one 2-D slice out of an uploaded scan that holds more.</summary>
/// <param name="Slice">For a NIfTI volume: the position along <paramref name="Axis"/> (0-based); required for volumes
/// with more than one slice there.</param>
/// <param name="Axis">For a NIfTI volume: the voxel axis to cut along, 0..2. Default 2, as the NIfTI import.</param>
/// <param name="VolumeIndex">For a 4-D NIfTI series: which volume; required for one.</param>
public sealed record ScanOptions(int? Slice = null, int Axis = 2, int? VolumeIndex = null);
