namespace XaiLab.Engine.Attribution.Segmentation;

/// <summary>
/// <c>numpy.argsort(values)</c> with its default kind (introsort: median-of-three quicksort, insertion sort below 16
/// elements, heapsort past a depth of 2 log2 n), reproduced step for step so that equal values come out in numpy's order.
/// scikit-image's Felzenszwalb merges edges in this order, and on images with flat regions (every phantom) most edge
/// weights tie: a stable sort would merge them in another order and draw other boundaries. NaN sorts last, as in numpy.
/// </summary>
internal static class NumpyArgsort
{
    private const int SmallQuicksort = 15;

    public static int[] Argsort(ReadOnlySpan<double> values)
    {
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        if (order.Length > 1) Sort(values, order);
        return order;
    }

    // numpy's Tag::less for floating point: a < b, with NaN greater than everything.
    private static bool Less(double a, double b) => a < b || (double.IsNaN(b) && !double.IsNaN(a));

    private static void Sort(ReadOnlySpan<double> v, int[] tosort)
    {
        var num = tosort.Length;
        var stack = new int[128];
        var depths = new int[64];
        int sptr = 0, psdepth = 0;
        int pl = 0, pr = num - 1;
        var cdepth = MostSignificantBit(num) * 2;
        while (true)
        {
            if (cdepth < 0)
            {
                Heapsort(v, tosort, pl, pr - pl + 1);
            }
            else
            {
                while (pr - pl > SmallQuicksort)
                {
                    var pm = pl + ((pr - pl) >> 1);
                    if (Less(v[tosort[pm]], v[tosort[pl]])) Swap(tosort, pm, pl);
                    if (Less(v[tosort[pr]], v[tosort[pm]])) Swap(tosort, pr, pm);
                    if (Less(v[tosort[pm]], v[tosort[pl]])) Swap(tosort, pm, pl);
                    var vp = v[tosort[pm]];
                    var pi = pl;
                    var pj = pr - 1;
                    Swap(tosort, pm, pj);
                    while (true)
                    {
                        do { ++pi; } while (Less(v[tosort[pi]], vp));
                        do { --pj; } while (Less(vp, v[tosort[pj]]));
                        if (pi >= pj) break;
                        Swap(tosort, pi, pj);
                    }
                    Swap(tosort, pi, pr - 1);
                    // The larger partition goes on the stack.
                    if (pi - pl < pr - pi)
                    {
                        stack[sptr++] = pi + 1;
                        stack[sptr++] = pr;
                        pr = pi - 1;
                    }
                    else
                    {
                        stack[sptr++] = pl;
                        stack[sptr++] = pi - 1;
                        pl = pi + 1;
                    }
                    depths[psdepth++] = --cdepth;
                }

                for (var pi = pl + 1; pi <= pr; ++pi)
                {
                    var vi = tosort[pi];
                    var vp = v[vi];
                    var pj = pi;
                    var pk = pi - 1;
                    while (pj > pl && Less(vp, v[tosort[pk]]))
                    {
                        tosort[pj--] = tosort[pk--];
                    }
                    tosort[pj] = vi;
                }
            }
            if (sptr == 0) break;
            pr = stack[--sptr];
            pl = stack[--sptr];
            cdepth = depths[--psdepth];
        }
    }

    // numpy's aheapsort_ over tosort[start .. start + n), 1-based heap indexing.
    private static void Heapsort(ReadOnlySpan<double> v, int[] tosort, int start, int n)
    {
        int A(int k) => tosort[start + k - 1];
        void Set(int k, int value) => tosort[start + k - 1] = value;
        int i, j, tmp;
        for (var l = n >> 1; l > 0; --l)
        {
            tmp = A(l);
            for (i = l, j = l << 1; j <= n;)
            {
                if (j < n && Less(v[A(j)], v[A(j + 1)])) j += 1;
                if (Less(v[tmp], v[A(j)]))
                {
                    Set(i, A(j));
                    i = j;
                    j += j;
                }
                else break;
            }
            Set(i, tmp);
        }
        for (; n > 1;)
        {
            tmp = A(n);
            Set(n, A(1));
            n -= 1;
            for (i = 1, j = 2; j <= n;)
            {
                if (j < n && Less(v[A(j)], v[A(j + 1)])) j++;
                if (Less(v[tmp], v[A(j)]))
                {
                    Set(i, A(j));
                    i = j;
                    j += j;
                }
                else break;
            }
            Set(i, tmp);
        }
    }

    private static int MostSignificantBit(int n)
    {
        var depth = 0;
        var u = (uint)n;
        while ((u >>= 1) != 0) depth++;
        return depth;
    }

    private static void Swap(int[] a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);
}
