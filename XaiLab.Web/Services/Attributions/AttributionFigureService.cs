using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkiaSharp;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Engine.Imaging;

namespace XaiLab.Web.Services.Attributions;

/// <summary>
/// The comparison grid of an attribution request as one figure, PNG or vector PDF (SkiaSharp's PDF backend): a header
/// with the methods, one row per slice and run with its true and predicted class, the input with the mask contour, then
/// every method's overlay drawn with the grid's style. Missing maps (request still running) are left as gray cells.
/// </summary>
public sealed class AttributionFigureService(
    AttributionService attributions,
    IDbContextFactory<XaiLabDbContext> contexts,
    ArtifactStore store,
    IOptions<AttributionFigureOptions> options)
{
    private static readonly string[] FontCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/liberation/LiberationSans-Regular.ttf",
    ];

    private const int Margin = 16;
    private const int Gap = 6;
    private const int LabelWidth = 210;
    private const int TitleHeight = 34;
    private const int HeaderHeight = 26;

    /// <summary>The figure as PNG bytes, or null when there is no such request.</summary>
    public Task<byte[]?> RenderPngAsync(int requestId, AttributionFigureStyle style, CancellationToken cancellationToken = default) =>
        RenderAsync(requestId, style, pdf: false, cancellationToken);

    /// <summary>The figure as a one-page PDF (1 px = 1 pt), or null when there is no such request.</summary>
    public Task<byte[]?> RenderPdfAsync(int requestId, AttributionFigureStyle style, CancellationToken cancellationToken = default) =>
        RenderAsync(requestId, style, pdf: true, cancellationToken);

    private async Task<byte[]?> RenderAsync(int requestId, AttributionFigureStyle style, bool pdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(style);
        var request = await attributions.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            return null;
        }
        var rows = await attributions.GridAsync(request, cancellationToken);
        var cell = options.Value.CellSize;
        var columns = request.Methods.Count + 1;
        var width = 2 * Margin + LabelWidth + columns * (cell + Gap);
        var height = 2 * Margin + TitleHeight + HeaderHeight + rows.Count * (cell + Gap);

        var inputs = new Dictionary<int, SKImage>();
        var panes = new Dictionary<(int Run, int Slice, string Method), SKImage>();
        try
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                var sliceIds = rows.Select(r => r.SliceId).Distinct().ToList();
                var slices = await db.Slices.AsNoTracking().Where(s => sliceIds.Contains(s.Id))
                    .Select(s => new { s.Id, s.ImagePath, s.MaskPath }).ToListAsync(cancellationToken);
                foreach (var slice in slices)
                {
                    var image = Png16Codec.Decode(await store.ReadAsync(slice.ImagePath, cancellationToken));
                    var mask = slice.MaskPath is null ? null : Png16Codec.DecodeMask(await store.ReadAsync(slice.MaskPath, cancellationToken));
                    inputs[slice.Id] = SKImage.FromEncodedData(SliceRenderer.RenderPng(image, mask));
                }
            }
            foreach (var method in request.Methods)
            {
                var ceiling = style.SharedScale ? AttributionGridScale.SharedCeiling(rows, method) : null;
                foreach (var row in rows)
                {
                    if (!row.Maps.TryGetValue(method, out var reached)) continue;
                    var map = await attributions.FindMapAsync(row.RunId, method, row.SliceId, AttributionParameters.Hash(reached.Parameters), cancellationToken);
                    if (map is null) continue;
                    var png = await attributions.RenderOverlayAsync(map,
                        new SaliencyRenderOptions(style.Colormap, style.Opacity, Ceiling: ceiling, Signed: style.Signed), cancellationToken);
                    panes[(row.RunId, row.SliceId, method)] = SKImage.FromEncodedData(png);
                }
            }

            var title = $"Attribution request {request.Id} · {ScaleName(style)} · {(style.Signed ? "signed" : "absolute")} · " +
                        $"{style.Colormap.ToString().ToLowerInvariant()} at opacity {style.Opacity.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}";
            void Draw(SKCanvas canvas)
            {
                using var typeface = LoadTypeface(options.Value.FontPath);
                using var titleFont = new SKFont(typeface, 16);
                using var font = new SKFont(typeface, 12);
                using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
                using var muted = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
                using var empty = new SKPaint { Color = new SKColor(0xDD, 0xDD, 0xDD) };
                var sampling = new SKSamplingOptions(SKFilterMode.Nearest);
                canvas.Clear(SKColors.White);
                canvas.DrawText(title, Margin, Margin + 18, SKTextAlign.Left, titleFont, text);
                var top = Margin + TitleHeight;
                var headers = new[] { "input and mask" }.Concat(request.Methods).ToList();
                for (var c = 0; c < headers.Count; c++)
                {
                    var x = Margin + LabelWidth + c * (cell + Gap);
                    canvas.DrawText(Fit(headers[c], font, cell), x + cell / 2f, top + 16, SKTextAlign.Center, font, text);
                }
                top += HeaderHeight;
                foreach (var row in rows)
                {
                    canvas.DrawText($"Slice {row.SliceId} · run {row.RunId}", Margin, top + cell / 2f - 8, SKTextAlign.Left, font, text);
                    canvas.DrawText(Fit($"true {row.TrueClass}", font, LabelWidth - 8), Margin, top + cell / 2f + 8, SKTextAlign.Left, font, muted);
                    var predicted = row.PredictedClass is null ? "predicted –"
                        : $"predicted {row.PredictedClass}{(row.Probability is { } p ? $" ({p.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})" : "")}";
                    canvas.DrawText(Fit(predicted, font, LabelWidth - 8), Margin, top + cell / 2f + 24, SKTextAlign.Left, font, muted);
                    for (var c = 0; c < headers.Count; c++)
                    {
                        var rect = SKRect.Create(Margin + LabelWidth + c * (cell + Gap), top, cell, cell);
                        var image = c == 0 ? inputs.GetValueOrDefault(row.SliceId) : panes.GetValueOrDefault((row.RunId, row.SliceId, request.Methods[c - 1]));
                        if (image is null) canvas.DrawRect(rect, empty);
                        else canvas.DrawImage(image, rect, sampling);
                    }
                    top += cell + Gap;
                }
            }

            return pdf ? DrawPdf(width, height, Draw) : DrawPng(width, height, Draw);
        }
        finally
        {
            foreach (var image in inputs.Values.Concat(panes.Values)) image.Dispose();
        }
    }

    private static byte[] DrawPng(int width, int height, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        draw(surface.Canvas);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] DrawPdf(int width, int height, Action<SKCanvas> draw)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = "XaiLab attribution comparison", Creator = "XaiLab" }))
        {
            var canvas = document.BeginPage(width, height);
            draw(canvas);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static SKTypeface LoadTypeface(string? configured)
    {
        foreach (var path in new[] { configured }.Concat(FontCandidates))
        {
            if (!string.IsNullOrWhiteSpace(path) && File.Exists(path) && SKTypeface.FromFile(path) is { } typeface)
            {
                return typeface;
            }
        }
        return SKTypeface.Default;
    }

    /// <summary>The text, shortened with an ellipsis to fit <paramref name="width"/>.</summary>
    private static string Fit(string value, SKFont font, float width)
    {
        if (font.MeasureText(value) <= width) return value;
        var cut = value;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > width) cut = cut[..^1];
        return cut + "…";
    }

    private static string ScaleName(AttributionFigureStyle style) => style.SharedScale ? "shared scale per method" : "per-map scale";
}
