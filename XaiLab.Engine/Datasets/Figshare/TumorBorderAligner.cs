using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Figshare;

/// <summary>
/// Derives the axis order of a figshare <c>tumorBorder</c> (x1,y1,x2,y2,..., 1-based MATLAB coordinates) from its
/// <c>tumorMask</c>: the polygon was drawn on the mask's outline, so the right reading puts its vertices on the mask
/// boundary and the transposed reading does not (unless the tumour is symmetric about the diagonal).
/// </summary>
public static class TumorBorderAligner
{
    /// <summary>
    /// Reads <paramref name="border"/> both ways and keeps the order with more vertices within one pixel (8-neighbourhood)
    /// of a mask boundary pixel (a mask pixel with a 4-neighbour outside the mask or the image).
    /// </summary>
    /// <exception cref="DatasetImportException">The border has an odd number of values.</exception>
    public static BorderAlignment Align(IReadOnlyList<double> border, BinaryMask mask, string sourceName)
    {
        if (border.Count % 2 != 0)
        {
            throw new DatasetImportException($"{sourceName}: tumorBorder has {border.Count} values; it must hold x,y pairs.");
        }

        var boundary = Boundary(mask);
        int columnRow = 0, rowColumn = 0;
        for (var i = 0; i < border.Count; i += 2)
        {
            double a = border[i] - 1, b = border[i + 1] - 1;
            columnRow += NearBoundary(boundary, mask.Width, mask.Height, a, b) ? 1 : 0;
            rowColumn += NearBoundary(boundary, mask.Width, mask.Height, b, a) ? 1 : 0;
        }

        var order = columnRow > rowColumn ? BorderAxisOrder.ColumnRow
            : rowColumn > columnRow ? BorderAxisOrder.RowColumn
            : BorderAxisOrder.Undetermined;
        var points = new List<BorderPoint>(border.Count / 2);
        if (order != BorderAxisOrder.Undetermined)
        {
            for (var i = 0; i < border.Count; i += 2)
            {
                double a = border[i] - 1, b = border[i + 1] - 1;
                points.Add(order == BorderAxisOrder.ColumnRow ? new BorderPoint(a, b) : new BorderPoint(b, a));
            }
        }

        return new BorderAlignment(order, columnRow, rowColumn, points);
    }

    private static bool[] Boundary(BinaryMask mask)
    {
        int w = mask.Width, h = mask.Height;
        var boundary = new bool[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                boundary[y * w + x] = mask[x, y]
                    && (x == 0 || y == 0 || x == w - 1 || y == h - 1
                        || !mask[x - 1, y] || !mask[x + 1, y] || !mask[x, y - 1] || !mask[x, y + 1]);
            }
        }

        return boundary;
    }

    private static bool NearBoundary(bool[] boundary, int w, int h, double x, double y)
    {
        var cx = (int)Math.Round(x);
        var cy = (int)Math.Round(y);
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                int px = cx + dx, py = cy + dy;
                if (px >= 0 && py >= 0 && px < w && py < h && boundary[py * w + px])
                {
                    return true;
                }
            }
        }

        return false;
    }
}
