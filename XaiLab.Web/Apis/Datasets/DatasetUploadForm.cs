using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Datasets;

namespace XaiLab.Web.Apis.Datasets;

/// <summary>
/// The multipart body of POST /api/datasets, read section by section with <see cref="MultipartReader"/>: the file part is
/// copied straight to disk, so a multi-GB upload never sits in memory. Fields: file, name, format, classes (repeated or
/// comma-separated), teamId.
/// </summary>
public sealed record DatasetUploadForm(string FilePath, string? FileName, string? Name, string? Format, IReadOnlyList<string> Classes, int? TeamId,
    VolumeImportSettings Volumes)
{
    private const int MaxFieldBytes = 16 * 1024;

    /// <summary>Reads the request; on any failure the partial upload is deleted.</summary>
    /// <exception cref="RequestValidationException">Not multipart, no file part, a field too long, or the file too large.</exception>
    public static async Task<DatasetUploadForm> ReadAsync(HttpRequest request, DatasetUploadStore uploads, long maxUploadBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new RequestValidationException("Send the dataset as multipart/form-data with a 'file' part (and optional 'name', 'format', 'classes').");
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxUploadBytes };
        string? filePath = null;
        string? fileName = null;
        string? name = null;
        int? teamId = null;
        string? format = null;
        var classes = new List<string>();
        var volumes = VolumeImportSettings.Default;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition.IsFileDisposition())
                {
                    if (field != "file")
                    {
                        throw new RequestValidationException($"Unexpected file part '{field}'; the dataset goes in the part named 'file'.");
                    }
                    if (filePath is not null)
                    {
                        throw new RequestValidationException("Send one file per dataset.");
                    }
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    filePath = uploads.NewPath(fileName);
                    await CopyAsync(section.Body, filePath, maxUploadBytes, cancellationToken);
                    continue;
                }
                var value = await ReadFieldAsync(section.Body, field ?? string.Empty, cancellationToken);
                switch (field)
                {
                    case "name": name = value; break;
                    case "format": format = value; break;
                    case "classes": classes.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)); break;
                    case "axis": volumes = volumes with { Axis = Integer(value, "axis") }; break;
                    case "slices": volumes = volumes with { Slices = value }; break;
                    case "volumeIndex": volumes = volumes with { VolumeIndex = Integer(value, "volumeIndex") }; break;
                    case "pseudonymise":
                        volumes = volumes with
                        {
                            Pseudonymise = bool.TryParse(value, out var pseudonymise) ? pseudonymise : throw new RequestValidationException("pseudonymise must be true or false."),
                        };
                        break;
                    case "teamId":
                        teamId = int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var team)
                            ? team
                            : throw new RequestValidationException("teamId must be an integer.");
                        break;
                }
            }
        }
        catch (InvalidDataException e)
        {
            uploads.Delete(filePath);
            throw new RequestValidationException($"The upload is larger than the limit of {maxUploadBytes:N0} bytes, or its multipart body is malformed: {e.Message}");
        }
        catch
        {
            uploads.Delete(filePath);
            throw;
        }
        return filePath is null
            ? throw new RequestValidationException("The request has no 'file' part: attach the dataset (a ZIP) as 'file'.")
            : new DatasetUploadForm(filePath, fileName, name, format, classes, teamId, volumes);
    }

    private static int Integer(string value, string field) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new RequestValidationException($"{field} must be an integer.");

    private static async Task CopyAsync(Stream body, string path, long maxUploadBytes, CancellationToken cancellationToken)
    {
        await using var file = DatasetUploadStore.Create(path);
        var buffer = new byte[1024 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxUploadBytes)
            {
                throw new RequestValidationException($"The upload is larger than the limit of {maxUploadBytes:N0} bytes (Imports:MaxUploadBytes).");
            }
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static async Task<string> ReadFieldAsync(Stream body, string field, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length > MaxFieldBytes)
            {
                throw new RequestValidationException($"Field '{field}' is longer than {MaxFieldBytes:N0} bytes.");
            }
        }
        return Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }
}
