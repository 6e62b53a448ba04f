using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Nifti;

/// <summary>
/// Cuts one <see cref="NiftiVolume"/> (and its mask) into 2-D slices along a voxel axis, with the orientation, slice
/// choice and 16-bit mapping that <see cref="NiftiDatasetReader"/> documents. One pass over the volume finds its
/// physical range and which slices hold non-zero values or mask voxels; each slice is then cut on demand, so a volume
/// costs its own bytes plus one slice.
/// </summary>
internal sealed class NiftiVolumeSlicer
{
    private readonly NiftiVolume volume;
    private readonly bool[]? mask;
    private readonly int axis;
    private readonly int xAxis;
    private readonly int yAxis;
    private readonly bool flipX;
    private readonly bool flipY;
    private readonly long[] strides;
    private readonly double factor;
    private readonly bool[] nonzero;
    private readonly bool[] masked;

    /// <param name="volume">The volume.</param>
    /// <param name="mask">Its mask, one flag per voxel in file order (i fastest), or null.</param>
    /// <param name="axis">The voxel axis to cut along: 0, 1 or 2.</param>
    public NiftiVolumeSlicer(NiftiVolume volume, bool[]? mask, int axis)
    {
        this.volume = volume;
        this.mask = mask;
        this.axis = axis;
        (xAxis, yAxis) = axis switch { 0 => (1, 2), 1 => (0, 2), _ => (0, 1) };
        var directions = volume.Header.AxisDirections;
        flipX = directions is not null && PointsTowardRas(directions[xAxis]);
        flipY = directions is not null && PointsTowardRas(directions[yAxis]);
        var shape = volume.Shape;
        strides = [1, shape[0], (long)shape[0] * shape[1]];
        nonzero = new bool[shape[axis]];
        masked = new bool[shape[axis]];

        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        long n = 0;
        for (var k = 0; k < shape[2]; k++)
        {
            for (var j = 0; j < shape[1]; j++)
            {
                for (var i = 0; i < shape[0]; i++, n++)
                {
                    var position = axis switch { 0 => i, 1 => j, _ => k };
                    var value = volume.ValueAt(n);
                    if (double.IsFinite(value))
                    {
                        min = Math.Min(min, value);
                        max = Math.Max(max, value);
                        nonzero[position] |= value != 0;
                    }

                    masked[position] |= mask is not null && mask[n];
                }
            }
        }

        ValueOffset = double.IsFinite(min) ? min : 0;
        ValueScale = max > min ? (max - min) / ushort.MaxValue : 1;
        factor = max > min ? ushort.MaxValue / (max - min) : 0;
    }

    /// <summary>Slices along the axis, the volume's size along it.</summary>
    public int Count => volume.Shape[axis];

    /// <summary>Slice width: the volume's size along the lower of the two other axes.</summary>
    public int Width => volume.Shape[xAxis];

    /// <summary>Slice height: the volume's size along the higher of the two other axes.</summary>
    public int Height => volume.Shape[yAxis];

    /// <summary>Physical value per stored unit; 1 for a constant volume, whose slices are all 0.</summary>
    public double ValueScale { get; }

    /// <summary>Physical value of stored 0: the volume's smallest finite value.</summary>
    public double ValueOffset { get; }

    /// <summary>The positions along the axis that <paramref name="selection"/> keeps, ascending.</summary>
    public IEnumerable<int> Positions(NiftiSliceSelection selection) => Enumerable.Range(0, Count).Where(p => selection switch
    {
        NiftiSliceSelection.Mask => masked[p],
        NiftiSliceSelection.Nonzero => nonzero[p],
        _ => true,
    });

    /// <summary>The slice at <paramref name="position"/>, mapped to 16 bits.</summary>
    public SliceImage Image(int position)
    {
        var pixels = new ushort[Width * Height];
        Cut(position, (pixel, voxel) =>
        {
            var value = volume.ValueAt(voxel);
            pixels[pixel] = double.IsFinite(value) ? (ushort)Math.Clamp(Math.Round((value - ValueOffset) * factor), 0, ushort.MaxValue) : (ushort)0;
        });
        return new SliceImage(Width, Height, pixels);
    }

    /// <summary>The mask of the slice at <paramref name="position"/> (empty where the slice misses it); null without a
    /// mask.</summary>
    public BinaryMask? Mask(int position)
    {
        if (mask is null)
        {
            return null;
        }

        var values = new bool[Width * Height];
        Cut(position, (pixel, voxel) => values[pixel] = mask[voxel]);
        return new BinaryMask(Width, Height, values);
    }

    private void Cut(int position, Action<int, long> copy)
    {
        var slice = position * strides[axis];
        for (var y = 0; y < Height; y++)
        {
            var row = slice + (flipY ? Height - 1 - y : y) * strides[yAxis];
            for (var x = 0; x < Width; x++)
            {
                copy(y * Width + x, row + (flipX ? Width - 1 - x : x) * strides[xAxis]);
            }
        }
    }

    /// <summary>Whether the axis's largest RAS+ component is positive: it runs toward the right, anterior or
    /// superior.</summary>
    private static bool PointsTowardRas(double[] direction)
    {
        var largest = 0;
        for (var c = 1; c < 3; c++)
        {
            if (Math.Abs(direction[c]) > Math.Abs(direction[largest]))
            {
                largest = c;
            }
        }

        return direction[largest] > 0;
    }
}
