using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using XaiLab.Data;

namespace XaiLab.Web.Services.Datasets;

/// <summary>
/// The secret behind DICOM pseudonyms: <see cref="DatasetImportOptions.PseudonymKey"/> when configured, else a random
/// key made on first use and kept in <c>keys/pseudonym.key</c> of the data directory, so one installation gives a
/// patient the same pseudonym in every upload and nobody without the key can recompute it.
/// </summary>
public sealed class PseudonymKey(IOptions<DatasetImportOptions> options, DataDirectory data)
{
    private readonly Lock gate = new();

    public string Value()
    {
        if (options.Value.PseudonymKey is { Length: > 0 } configured)
        {
            return configured;
        }
        var path = data.Combine(Path.Combine("keys", "pseudonym.key"));
        lock (gate)
        {
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
            }
            return File.ReadAllText(path).Trim();
        }
    }
}
