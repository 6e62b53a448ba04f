namespace XaiLab.Engine.Embeddings;

/// <summary>
/// Quadtree over the 2-D layout for the Barnes-Hut repulsion of t-SNE (van der Maaten 2014): a cell whose width over
/// its distance to the query falls below theta acts as one point of weight <c>count</c> at its centre of mass.
/// </summary>
internal sealed class BarnesHutTree
{
    private const int MaxDepth = 64;
    private readonly double[] _positions;
    private readonly int[] _order;
    private readonly List<Node> _nodes = [];

    public BarnesHutTree(double[] positions)
    {
        _positions = positions;
        var count = positions.Length / 2;
        _order = Enumerable.Range(0, count).ToArray();
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            minX = Math.Min(minX, positions[2 * i]);
            maxX = Math.Max(maxX, positions[2 * i]);
            minY = Math.Min(minY, positions[2 * i + 1]);
            maxY = Math.Max(maxY, positions[2 * i + 1]);
        }
        var half = Math.Max(maxX - minX, maxY - minY) / 2 * (1 + 1e-6) + 1e-12;
        Build(0, count, (minX + maxX) / 2, (minY + maxY) / 2, half, 0, new int[count]);
    }

    /// <summary>
    /// Adds to <paramref name="force"/> the unnormalised repulsion <c>Σ_j q_ij² (y_i - y_j)</c> on point
    /// <paramref name="point"/> and returns <c>Σ_j q_ij</c> with <c>q_ij = 1 / (1 + |y_i - y_j|²)</c>.
    /// </summary>
    public double Repulsion(int point, double theta, Span<double> force, Span<int> stack)
    {
        var x = _positions[2 * point];
        var y = _positions[2 * point + 1];
        var thetaSquared = theta * theta;
        double z = 0, fx = 0, fy = 0;
        var top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            var node = _nodes[stack[--top]];
            if (node.FirstChild < 0)
            {
                for (var p = node.Start; p < node.End; p++)
                {
                    var other = _order[p];
                    if (other == point)
                    {
                        continue;
                    }
                    var dx = x - _positions[2 * other];
                    var dy = y - _positions[2 * other + 1];
                    var q = 1 / (1 + dx * dx + dy * dy);
                    z += q;
                    fx += q * q * dx;
                    fy += q * q * dy;
                }
                continue;
            }
            var cx = x - node.MassX;
            var cy = y - node.MassY;
            var distanceSquared = cx * cx + cy * cy;
            if (node.Width * node.Width < thetaSquared * distanceSquared)
            {
                var q = 1 / (1 + distanceSquared);
                var count = node.End - node.Start;
                z += count * q;
                fx += count * q * q * cx;
                fy += count * q * q * cy;
                continue;
            }
            for (var c = 0; c < 4; c++)
            {
                var child = _children[node.FirstChild + c];
                if (child >= 0)
                {
                    stack[top++] = child;
                }
            }
        }
        force[0] += fx;
        force[1] += fy;
        return z;
    }

    /// <summary>Stack length that <see cref="Repulsion"/> needs.</summary>
    public static int StackSize => 3 * MaxDepth + 8;

    private readonly List<int> _children = [];

    private int Build(int start, int end, double centreX, double centreY, double half, int depth, int[] scratch)
    {
        double massX = 0, massY = 0;
        for (var p = start; p < end; p++)
        {
            massX += _positions[2 * _order[p]];
            massY += _positions[2 * _order[p] + 1];
        }
        var count = end - start;
        var id = _nodes.Count;
        _nodes.Add(new Node(massX / count, massY / count, 2 * half, start, end, -1));
        if (count <= 1 || depth >= MaxDepth)
        {
            return id;
        }
        Span<int> sizes = stackalloc int[4];
        for (var p = start; p < end; p++)
        {
            sizes[Quadrant(_order[p], centreX, centreY)]++;
        }
        Span<int> offsets = stackalloc int[4];
        offsets[0] = start;
        for (var q = 1; q < 4; q++)
        {
            offsets[q] = offsets[q - 1] + sizes[q - 1];
        }
        Span<int> cursor = stackalloc int[4];
        offsets.CopyTo(cursor);
        for (var p = start; p < end; p++)
        {
            scratch[cursor[Quadrant(_order[p], centreX, centreY)]++] = _order[p];
        }
        Array.Copy(scratch, start, _order, start, count);
        var firstChild = _children.Count;
        _children.AddRange([-1, -1, -1, -1]);
        _nodes[id] = _nodes[id] with { FirstChild = firstChild };
        var quarter = half / 2;
        for (var q = 0; q < 4; q++)
        {
            if (sizes[q] == 0)
            {
                continue;
            }
            var childX = centreX + ((q & 1) != 0 ? quarter : -quarter);
            var childY = centreY + ((q & 2) != 0 ? quarter : -quarter);
            _children[firstChild + q] = Build(offsets[q], offsets[q] + sizes[q], childX, childY, quarter, depth + 1, scratch);
        }
        return id;
    }

    private int Quadrant(int point, double centreX, double centreY) =>
        (_positions[2 * point] >= centreX ? 1 : 0) | (_positions[2 * point + 1] >= centreY ? 2 : 0);

    private readonly record struct Node(double MassX, double MassY, double Width, int Start, int End, int FirstChild);
}
