namespace XaiLab.Engine.Embeddings;

/// <summary>A bounded max-heap of the k best (index, squared distance) candidates of one nearest-neighbour query.</summary>
internal sealed class NeighbourHeap(int capacity)
{
    private readonly int[] _indices = new int[capacity];
    private readonly float[] _distances = new float[capacity];
    private int _count;

    /// <summary>Euclidean distance of the current k-th candidate; infinite until the heap is full.</summary>
    public float Radius => _count < capacity ? float.PositiveInfinity : MathF.Sqrt(_distances[0]);

    public void Clear() => _count = 0;

    public void Offer(int index, float squaredDistance)
    {
        if (_count < capacity)
        {
            var child = _count++;
            _indices[child] = index;
            _distances[child] = squaredDistance;
            while (child > 0)
            {
                var parent = (child - 1) / 2;
                if (!Worse(child, parent))
                {
                    break;
                }
                Swap(child, parent);
                child = parent;
            }
            return;
        }
        if (squaredDistance > _distances[0] || (squaredDistance == _distances[0] && index > _indices[0]))
        {
            return;
        }
        _indices[0] = index;
        _distances[0] = squaredDistance;
        var node = 0;
        while (true)
        {
            var left = 2 * node + 1;
            var worst = node;
            if (left < _count && Worse(left, worst))
            {
                worst = left;
            }
            if (left + 1 < _count && Worse(left + 1, worst))
            {
                worst = left + 1;
            }
            if (worst == node)
            {
                return;
            }
            Swap(node, worst);
            node = worst;
        }
    }

    /// <summary>Writes the candidates closest first (unfilled slots get index -1) and empties the heap.</summary>
    public void DrainSorted(Span<int> indices, Span<float> distances)
    {
        indices.Fill(-1);
        distances.Fill(float.PositiveInfinity);
        var keys = _distances.AsSpan(0, _count).ToArray();
        var values = _indices.AsSpan(0, _count).ToArray();
        var order = Enumerable.Range(0, _count).OrderBy(j => keys[j]).ThenBy(j => values[j]).ToArray();
        for (var j = 0; j < order.Length; j++)
        {
            indices[j] = values[order[j]];
            distances[j] = keys[order[j]];
        }
        _count = 0;
    }

    private bool Worse(int a, int b) =>
        _distances[a] > _distances[b] || (_distances[a] == _distances[b] && _indices[a] > _indices[b]);

    private void Swap(int a, int b)
    {
        (_indices[a], _indices[b]) = (_indices[b], _indices[a]);
        (_distances[a], _distances[b]) = (_distances[b], _distances[a]);
    }
}
