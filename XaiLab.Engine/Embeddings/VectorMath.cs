using System.Numerics;

namespace XaiLab.Engine.Embeddings;

/// <summary>Dot products, squared distances and scaled additions of feature vectors, vectorised with <see cref="Vector{T}"/>.</summary>
internal static class VectorMath
{
    public static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var i = 0;
        var sum = 0f;
        var width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && a.Length >= width)
        {
            var accumulator = Vector<float>.Zero;
            for (; i <= a.Length - width; i += width)
            {
                var difference = new Vector<float>(a[i..]) - new Vector<float>(b[i..]);
                accumulator += difference * difference;
            }
            sum = Vector.Sum(accumulator);
        }
        for (; i < a.Length; i++)
        {
            var difference = a[i] - b[i];
            sum += difference * difference;
        }
        return sum;
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var i = 0;
        var sum = 0f;
        var width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && a.Length >= width)
        {
            var accumulator = Vector<float>.Zero;
            for (; i <= a.Length - width; i += width)
            {
                accumulator += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            }
            sum = Vector.Sum(accumulator);
        }
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /// <summary><c>target += scale * source</c>.</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var i = 0;
        var width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && target.Length >= width)
        {
            var factor = new Vector<float>(scale);
            for (; i <= target.Length - width; i += width)
            {
                (new Vector<float>(target[i..]) + factor * new Vector<float>(source[i..])).CopyTo(target[i..]);
            }
        }
        for (; i < target.Length; i++)
        {
            target[i] += scale * source[i];
        }
    }
}
