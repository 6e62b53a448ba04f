namespace XaiLab.Engine.Embeddings;

/// <summary>
/// Vantage-point tree (Yianilos 1993) for exact k-nearest-neighbour queries under the Euclidean distance. The tree is
/// implicit in a permutation of the point indices: a node over <c>[lo, hi)</c> keeps its vantage point at <c>lo</c>,
/// the closer half in <c>[lo + 1, mid)</c> and the farther half in <c>[mid, hi)</c>.
/// </summary>
internal sealed class VantagePointTree
{
    private const int ParallelBuildSize = 2048;
    private readonly FeatureMatrix _data;
    private readonly int[] _items;
    private readonly float[] _thresholds;

    public VantagePointTree(FeatureMatrix data, int seed)
    {
        _data = data;
        _items = Enumerable.Range(0, data.Rows).ToArray();
        _thresholds = new float[data.Rows];
        Build(0, data.Rows, seed);
    }

    /// <summary>
    /// The <paramref name="k"/> nearest other points of every point, closest first: indices and squared distances,
    /// row-major <c>[rows, k]</c>. Ties are broken by the lower index, so results do not depend on the thread count.
    /// </summary>
    public (int[] Indices, float[] SquaredDistances) QueryAll(int k)
    {
        var rows = _data.Rows;
        var indices = new int[rows * k];
        var distances = new float[rows * k];
        Parallel.For(0, rows, () => new NeighbourHeap(k), (i, _, heap) =>
        {
            heap.Clear();
            Search(0, rows, _data.Row(i), i, heap);
            heap.DrainSorted(indices.AsSpan(i * k, k), distances.AsSpan(i * k, k));
            return heap;
        }, _ => { });
        return (indices, distances);
    }

    private void Build(int lo, int hi, int seed)
    {
        if (hi - lo <= 1)
        {
            return;
        }
        var random = new Random(seed ^ (lo * 397) ^ hi);
        var pick = lo + random.Next(hi - lo);
        (_items[lo], _items[pick]) = (_items[pick], _items[lo]);
        var vantage = _data.Row(_items[lo]);
        var count = hi - lo - 1;
        var keys = new float[count];
        for (var j = 0; j < count; j++)
        {
            keys[j] = MathF.Sqrt(VectorMath.SquaredDistance(vantage, _data.Row(_items[lo + 1 + j])));
        }
        var segment = _items.AsSpan(lo + 1, count);
        keys.AsSpan().Sort(segment);
        var mid = (lo + 1 + hi) / 2;
        _thresholds[lo] = keys[mid - lo - 1];
        if (hi - lo > ParallelBuildSize)
        {
            Parallel.Invoke(() => Build(lo + 1, mid, seed + 1), () => Build(mid, hi, seed + 2));
        }
        else
        {
            Build(lo + 1, mid, seed + 1);
            Build(mid, hi, seed + 2);
        }
    }

    private void Search(int lo, int hi, ReadOnlySpan<float> query, int self, NeighbourHeap heap)
    {
        if (lo >= hi)
        {
            return;
        }
        var vantage = _items[lo];
        var squared = VectorMath.SquaredDistance(query, _data.Row(vantage));
        if (vantage != self)
        {
            heap.Offer(vantage, squared);
        }
        if (hi - lo == 1)
        {
            return;
        }
        var distance = MathF.Sqrt(squared);
        var threshold = _thresholds[lo];
        var mid = (lo + 1 + hi) / 2;
        if (distance < threshold)
        {
            if (distance - heap.Radius <= threshold)
            {
                Search(lo + 1, mid, query, self, heap);
            }
            if (distance + heap.Radius >= threshold)
            {
                Search(mid, hi, query, self, heap);
            }
        }
        else
        {
            if (distance + heap.Radius >= threshold)
            {
                Search(mid, hi, query, self, heap);
            }
            if (distance - heap.Radius <= threshold)
            {
                Search(lo + 1, mid, query, self, heap);
            }
        }
    }
}
