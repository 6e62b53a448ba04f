namespace XaiLab.Engine.Datasets.Nifti;

/// <summary>
/// The <c>datatype</c> codes of the NIfTI-1/2 standard (nifti1.h, <c>NIFTI_TYPE_*</c>). Only the scalar integer and
/// float types up to 32-bit integers and 64-bit floats are read (<see cref="NiftiHeader.DataType"/>); the others are
/// named here so that <see cref="NiftiHeader.Parse"/> can say what a refused file holds.
/// </summary>
public enum NiftiDataType : short
{
    Binary = 1,
    UInt8 = 2,
    Int16 = 4,
    Int32 = 8,
    Float32 = 16,
    Complex64 = 32,
    Float64 = 64,
    Rgb24 = 128,
    Int8 = 256,
    UInt16 = 512,
    UInt32 = 768,
    Int64 = 1024,
    UInt64 = 1280,
    Float128 = 1536,
    Complex128 = 1792,
    Complex256 = 2048,
    Rgba32 = 2304,
}
