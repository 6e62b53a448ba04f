
namespace XaiLab.Web.Services.Models;

/// <summary>The input configuration the model table describes: square side, input channels and classes.</summary>
/// <param name="Size">Side of the square input; default 224.</param>
/// <param name="Channels">Input channels; default 1 (grayscale scans).</param>
/// <param name="Classes">Output classes; default 3 (the brain tumour dataset).</param>
public sealed record ModelQuery(int Size = ModelQuery.DefaultSize, int Channels = ModelQuery.DefaultChannels, int Classes = ModelQuery.DefaultClasses)
{
    public const int DefaultSize = 224;
    public const int DefaultChannels = 1;
    public const int DefaultClasses = 3;
    public const int MaxSize = 512;
    public const int MaxChannels = 16;
    public const int MaxClasses = 10_000;

    /// <summary>The query with defaults for missing values; throws <see cref="RequestValidationException"/> out of range.</summary>
    public static ModelQuery From(int? size, int? channels, int? classes)
    {
        var query = new ModelQuery(size ?? DefaultSize, channels ?? DefaultChannels, classes ?? DefaultClasses);
        // Describing builds every network and runs one image through it: sizes are capped so a request stays cheap.
        if (query.Size is < 1 or > MaxSize) throw new RequestValidationException($"size must be between 1 and {MaxSize}.");
        if (query.Channels is < 1 or > MaxChannels) throw new RequestValidationException($"channels must be between 1 and {MaxChannels}.");
        if (query.Classes is < 2 or > MaxClasses) throw new RequestValidationException($"classes must be between 2 and {MaxClasses}.");
        return query;
    }
}
