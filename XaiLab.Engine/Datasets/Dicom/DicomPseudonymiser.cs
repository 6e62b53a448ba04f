using System.Security.Cryptography;
using System.Text;

namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// Keyed pseudonyms: the first 16 lower-case hex characters (64 bits) of HMAC-SHA256(key, UTF-8 value). The same
/// key gives the same pseudonym for the same value, so patient-grouped splits and later imports still line up; without
/// the key a pseudonym cannot be recomputed from a guessed id, which a plain hash of a short id would allow.
/// 64 bits keep the chance of two patients of a dataset sharing a pseudonym negligible (below 10⁻⁹ for 100,000).
/// </summary>
internal sealed class DicomPseudonymiser
{
    private readonly byte[] key;

    /// <param name="key">The secret; must not be empty.</param>
    public DicomPseudonymiser(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        this.key = Encoding.UTF8.GetBytes(key);
    }

    public string Pseudonym(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)))[..16];
}
